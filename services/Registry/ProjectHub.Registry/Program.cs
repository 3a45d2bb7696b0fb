using ProjectHub.Hosting;
using ProjectHub.Registry;
using ProjectHub.Registry.Demo;

// `seed-demo [--registry http://127.0.0.1:5101] [--token JWT]` loads demo projects into a running registry over gRPC
// and exits (`seed-demo --help` for its options and tokens).
if (args.Length > 0 && args[0] == DemoSeeder.Command)
{
    return await DemoSeeder.RunAsync(args);
}

// The registry service as its own process (the production shape). See README "Configuration".
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Registry", "the registry service alone (or: seed-demo [--registry URL] [--token JWT]; seed-demo --help)"))
{
    return 0;
}

return await ProjectHubHost.RunAsync(RegistryServiceRegistration.Module, args);
