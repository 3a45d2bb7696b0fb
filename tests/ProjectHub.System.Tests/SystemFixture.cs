using ProjectHub.Testing;
using System.Net;
using System.Net.Sockets;

namespace ProjectHub.System.Tests;

/// <summary>
/// The production shape once per test run: private RabbitMQ and PostgreSQL, and the registry, approval and escalation
/// services as three separate processes on free ports — one PostgreSQL database per service, one RabbitMQ virtual
/// host for the run. Tests may kill and restart a service or PostgreSQL, but leave everything running when they end.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public static readonly string[] ServiceNames = ["Registry", "Approval", "Escalation"];

    private readonly Dictionary<string, ServiceProcess> _services = new();

    public PrivateInfrastructure Infrastructure { get; } = new();

    public ServiceProcess Registry => _services["Registry"];

    public ServiceProcess Escalation => _services["Escalation"];

    /// <summary>Every service's output, for failure messages.</summary>
    public string Output => string.Join("\n", _services.Select(s => $"----- {s.Key} -----\n{s.Value.Output}"));

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        var vhost = await Infrastructure.CreateVirtualHostAsync("system");
        var run = Guid.NewGuid().ToString("N")[..8];
        var shared = new List<string>
        {
            "--Database:Provider=Postgres",
            "--Bus:Transport=RabbitMq",
            "--Bus:RabbitMq:Host=127.0.0.1",
            $"--Bus:RabbitMq:Port={Infrastructure.RabbitMqPort}",
            $"--Bus:RabbitMq:VirtualHost={vhost}",
            "--Bus:RabbitMq:Username=guest",
            "--Bus:RabbitMq:Password=guest",
            // Live alert streams re-read the store every second, so a test never waits on the 5 s default.
            "--Escalation:Alerts:PollSeconds=1",
            // One line per request would bury the lines that explain a failure.
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        };
        foreach (var name in ServiceNames)
        {
            var database = Infrastructure.PostgresConnectionString($"{name.ToLowerInvariant()}_{run}");
            _services[name] = new ServiceProcess(name, FreePort(), [.. shared, $"--Database:{name}:ConnectionString={database}"]);
        }

        // Started one after another: on 2 shared cores three JIT-heavy starts at once only slow each other down.
        foreach (var service in _services.Values)
        {
            await service.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "Three service processes on real RabbitMQ and PostgreSQL";
}
