using ProjectHub.Embedded;
using ProjectHub.Hosting;

// The embedded default: registry (5101), approval (5102) and escalation (5103) in one process, each on its own port
// with its own SQLite database, joined by an in-process bus, plus the web board on http://127.0.0.1:5100/.
// Runs until Ctrl+C.
if (CommandLineHelp.PrintIfRequested(args, "ProjectHub.Embedded", "all three services and the board in one process (SQLite, in-process bus)"))
{
    return 0;
}

if (args.Length > 0 && args[0] == ProjectHubHost.MigrateCommand)
{
    // The embedded default migrates on start anyway; this is for upgrading its databases without serving.
    return await ProjectHubHost.MigrateAsync(EmbeddedSystem.Services, args[1..], ProjectHub.Hosting.Security.AuthMode.Development);
}

await EmbeddedSystem.RunAsync(args);
return 0;
