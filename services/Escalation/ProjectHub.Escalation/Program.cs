using ProjectHub.Escalation;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;

// The escalation service as its own process (the production shape). See README "Configuration".
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Escalation", "the escalation service alone"))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddProjectHubDefaults();
builder.AddEscalationService();
builder.AddProjectHubBus();

var app = builder.Build();
await app.Services.InitializeDatabasesAsync();
app.UseProjectHub();
await app.RunAsync();
