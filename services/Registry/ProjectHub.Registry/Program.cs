using ProjectHub.Registry;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
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

var builder = WebApplication.CreateBuilder(args);
builder.AddProjectHubDefaults();
builder.AddRegistryService();
builder.AddProjectHubBus();

var app = builder.Build();
await app.Services.InitializeDatabasesAsync();
app.UseProjectHub();
await app.RunAsync();
return 0;
