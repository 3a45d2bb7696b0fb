using ProjectHub.Approval;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;

// The approval service as its own process (the production shape). See README "Configuration".
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Approval", "the approval service alone"))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddProjectHubDefaults();
builder.AddApprovalService();
builder.AddProjectHubBus();

var app = builder.Build();
await app.Services.InitializeDatabasesAsync();
app.UseProjectHub();
await app.RunAsync();
