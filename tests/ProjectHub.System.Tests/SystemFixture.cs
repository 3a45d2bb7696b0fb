using System.Security.Cryptography;
using Google.Protobuf.Reflection;
using Microsoft.IdentityModel.Tokens;
using ProjectHub.Security;
using ProjectHub.Testing;
using ProjectHub.Testing.Otlp;

namespace ProjectHub.System.Tests;

/// <summary>
/// The production shape once per test run: private RabbitMQ and PostgreSQL, and the registry, approval and escalation
/// services as three separate processes on free ports — one PostgreSQL database per service, one RabbitMQ virtual
/// host for the run, bearer tokens checked as in production (Jwt mode, an HMAC key made for the run) and telemetry
/// exported over OTLP to a stand-in collector. Tests may kill and restart a service or PostgreSQL, but leave
/// everything running when they end.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public static readonly string[] ServiceNames = ["Registry", "Approval", "Escalation"];

    private const string Issuer = "projecthub-system-tests";
    private const string Audience = "projecthub";

    private readonly Dictionary<string, ServiceProcess> _services = new();
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    public PrivateInfrastructure Infrastructure { get; } = new();

    /// <summary>Receives the spans and metrics of all three processes.</summary>
    public OtlpCollector Collector { get; private set; } = null!;

    public ServiceProcess Registry => _services["Registry"];

    public ServiceProcess Approval => _services["Approval"];

    public ServiceProcess Escalation => _services["Escalation"];

    /// <summary>Every service's output, for failure messages.</summary>
    public string Output => string.Join("\n", _services.Select(s => $"----- {s.Key} -----\n{s.Value.Output}"));

    /// <summary>The service.name each process exports under.</summary>
    public static string TelemetryName(string service) => "projecthub-" + service.ToLowerInvariant();

    /// <summary>Call options with a token for <paramref name="caller"/>, signed with this run's key as an identity provider would.</summary>
    public CallOptions As(Caller caller, CancellationToken cancellationToken = default) =>
        new(new Metadata { { "authorization", "Bearer " + Mint(caller) } }, null, cancellationToken);

    public string Mint(Caller caller) => TokenMinter.Mint(
        caller, new SigningCredentials(new SymmetricSecurityKey(_signingKey), SecurityAlgorithms.HmacSha256),
        Issuer, Audience, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

    /// <summary>The gRPC API each process serves.</summary>
    private static ServiceDescriptor Api(string service) => service switch
    {
        "Registry" => ProjectHub.Registry.V1.ProjectRegistry.Descriptor,
        "Approval" => ProjectHub.Approval.V1.Approvals.Descriptor,
        "Escalation" => ProjectHub.Escalation.V1.Escalation.Descriptor,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a ProjectHub service"),
    };

    public async Task InitializeAsync()
    {
        Collector = await OtlpCollector.StartAsync();
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
            "--Auth:Mode=Jwt",
            $"--Auth:Issuer={Issuer}",
            $"--Auth:Audience={Audience}",
            $"--Auth:SigningKeys:0=base64:{Convert.ToBase64String(_signingKey)}",
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={Collector.Endpoint}",
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            // Live alert streams re-read the store every second, so a test never waits on the 5 s default.
            "--Escalation:Alerts:PollSeconds=1",
            // One line per request would bury the lines that explain a failure.
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        };
        // The span batch leaves every 200 ms instead of every 5 s (the SDK reads this from the environment only).
        var environment = new Dictionary<string, string> { ["OTEL_BSP_SCHEDULE_DELAY"] = "200" };
        foreach (var name in ServiceNames)
        {
            var database = Infrastructure.PostgresConnectionString($"{name.ToLowerInvariant()}_{run}");
            _services[name] = new ServiceProcess(
                name,
                FreePort.Next(),
                [.. shared, $"--Database:{name}:ConnectionString={database}", $"--OTEL_SERVICE_NAME={TelemetryName(name)}"],
                environment,
                Api(name));
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
        if (Collector is not null)
        {
            await Collector.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "Three service processes on real RabbitMQ and PostgreSQL";
}
