using ProjectHub.Cli;

// Console output must carry Chinese names intact whatever the terminal's default code page.
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CliApp.RunAsync(args, Console.Out, Console.Error, new EnvironmentConfigSource());
