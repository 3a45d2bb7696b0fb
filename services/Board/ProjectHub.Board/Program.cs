using ProjectHub.Board;

// The battle map alone: static pages (web/) plus a small JSON and Server-Sent-Events API that calls the registry
// and escalation services over gRPC. It keeps no database of its own.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        ProjectHub.Board — the battle map (挂图作战) web board.
          --Services:Board:Port=5100                HTTP port (127.0.0.1)
          --Board:Registry=http://127.0.0.1:5101    registry service
          --Board:Approval=http://127.0.0.1:5102    approval service (reserved, not called yet)
          --Board:Escalation=http://127.0.0.1:5103  escalation service
          --Board:PollSeconds=2                     how often the live board re-reads the lights
          --Board:Token=<JWT>                       the board's service token for reads (an inspector token);
                                                    required unless in development mode
          --Auth:Mode=Development                    development mode: without Board:Token the board mints a
                                                    development inspector token, and acknowledging an alert
                                                    mints a short-lived token for its recipient. Unset: the host
                                                    environment decides (ASPNETCORE_ENVIRONMENT=Development).
                                                    Outside development mode acknowledging is refused (HTTP 403).
        Settings also come from environment variables (Services__Board__Port=5100) or appsettings.json.
        """);
    return;
}

await using var app = BoardHost.Build(args);
await app.RunAsync();
