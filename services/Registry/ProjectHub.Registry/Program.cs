using ProjectHub.Registry;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;

// The registry service as its own process (the production shape). See README "Configuration".
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Registry", "the registry service alone"))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddProjectHubDefaults();
builder.AddRegistryService();
builder.AddProjectHubBus();

var app = builder.Build();
await app.Services.InitializeDatabasesAsync();
app.UseProjectHub();
await app.RunAsync();
