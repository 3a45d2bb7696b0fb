using ProjectHub.Approval;
using ProjectHub.Board;
using ProjectHub.Escalation;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Security;
using ProjectHub.Registry;

// The embedded default: registry (5101), approval (5102) and escalation (5103) in one process, each on its own
// port with its own SQLite database, sharing one in-process bus, plus the web board on http://127.0.0.1:5100/.
// Runs until Ctrl+C.
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Embedded", "all three services in one process (SQLite, in-process bus)"))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddProjectHubDefaults(AuthMode.Development);
builder.AddRegistryService();
builder.AddApprovalService();
builder.AddEscalationService();
builder.AddProjectHubBus();
builder.AddBoard(developmentByDefault: true); // follows the services: development tokens unless Auth:Mode says otherwise

var app = builder.Build();
await app.Services.InitializeDatabasesAsync();
app.UseProjectHub();
app.MapBoard();
await app.RunAsync();
