namespace ProjectHub.Hosting;

/// <summary>The --help text of every ProjectHub host: how to run it and every setting it reads.</summary>
public static class CommandLineHelp
{
    public static bool PrintIfRequested(string[] args, string program, string description)
    {
        if (!args.Any(a => a is "--help" or "-h" or "-?"))
        {
            return false;
        }

        Console.WriteLine($"""
            {program} — {description}

            Usage: dotnet run --project <project> [-- --Key=Value ...]
                   dotnet run --project <project> -- migrate [--Key=Value ...]
                      migrates the host's database(s) to this release and exits (what a deployment's
                      migration Job runs first); databases of releases before migrations are upgraded in place

            Every setting can be given as a command-line argument (--Services:Registry:Port=6101), as an
            environment variable with "__" for ":" (Services__Registry__Port=6101) or in appsettings.json.

            Settings (default):
              Services:Registry:Port        gRPC port of the registry service (5101)
              Services:Approval:Port        gRPC port of the approval service (5102)
              Services:Escalation:Port      gRPC port of the escalation service (5103)
              Grpc:Host                     address to listen on; * for all interfaces (127.0.0.1)
              Grpc:Tls:CertificatePath      PFX certificate: serve TLS with ALPN h2 instead of h2c (unset)
              Grpc:Tls:CertificatePassword  password of that certificate (unset)
              Grpc:Server:MaxReceiveMessageSize   largest request message in bytes (4194304)
              Grpc:Server:MaxSendMessageSize      largest response message in bytes (unlimited)
              Grpc:Server:ResponseCompression     gzip to compress responses to clients that accept it (unset)
              Grpc:Server:EnableReflection  serve grpc.reflection v1 and v1alpha (true)
              Grpc:Server:EnableDetailedErrors    put exception messages into grpc-message (false)
              Health:CheckPeriod            how often health checks run for health Watch streams (00:00:05);
                                            NOT_SERVING while the database (or RabbitMQ) cannot be reached
              Auth:Mode                     Development (public development key) or Jwt (configured issuer)
                                            (Jwt; Development in a Development environment and in the embedded host)
              Auth:Issuer, Auth:Audience    what tokens must carry in Jwt mode (required there)
              Auth:SigningKeys:N            PEM public key or base64:<HMAC secret> (or Auth:JwksUrl / Auth:Authority)
              Auth:KeysRefreshInterval, Auth:KeysRefetchInterval   key refresh (01:00:00) and least time
                                            between re-fetches for an unknown key id (00:01:00)
              Database:Provider             Sqlite or Postgres, for every service database (Sqlite)
              Database:Directory            where SQLite files go (data)
              Database:<Service>:Provider   per service override, e.g. Database:Registry:Provider
              Database:<Service>:ConnectionString  (SQLite: Data Source=data/<service>.db; required for Postgres)
              Database:MigrateOnStart       migrate the databases when the host starts (true); false: refuse to
                                            start (exit 3) against a database that is behind, naming the
                                            missing migrations — run `migrate` first (the deployment files do)
              Bus:Transport                 InMemory or RabbitMq (InMemory)
              Bus:RabbitMq:Host, Port, VirtualHost, Username, Password   (127.0.0.1, 5672, /, guest, guest)
              Bus:PrefetchCount, Bus:RabbitMq:QueueType, Bus:RetryIntervalsMs   (16, Quorum, 100,500,2000)
              Messaging:Retention:Interval, Window, BatchSize   prune sent outbox and processed inbox rows
                                            older than Window every Interval, BatchSize rows per transaction
                                            (00:10:00, 7.00:00:00, 500); Window must be at least 1.00:00:00
              Registry:Lights:*, Registry:Exit:*, Registry:Ranking:*   rule thresholds (the brief's defaults)
              Approval:Rules:*              approval items, time limits, departments, thresholds
              Escalation:Ladder:Preset      Default or Short ladder (Default)
              Escalation:Recipients:*       who receives each tier's alerts
              Calendar:ExtraDirectory       folder of extra cn-YYYY.json holiday files, picked up without a
                                            restart; a malformed file is refused, the old data stays (unset)
              Calendar:ReloadInterval       how often that folder is checked (00:01:00)
              OTEL_EXPORTER_OTLP_ENDPOINT   collector address: turns trace and metric export on (unset: off);
                                            OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_PROTOCOL and the other
                                            standard OTEL_* variables apply

            Every RPC but health and reflection needs "authorization: Bearer <JWT>"; for the embedded default,
            mint one with: dotnet run --project clients/ProjectHub.Cli -- dev-token --role drc
            The full reference is README.md, section "Configuration".
            """);
        return true;
    }
}
