using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectHub.ClientDefaults;
using ProjectHub.Hosting;

namespace ProjectHub.Testing;

/// <summary>
/// One real service, composed exactly as its host composes it (<see cref="ProjectHubHost.BuildAsync"/>), on a free
/// port with its own SQLite files in a temp directory, the caller's clock and the in-process bus; called over real gRPC
/// through <see cref="Channel"/>. The clock is a FakeTimeProvider in the tests: advancing it fires the timers of the
/// background loops that are on, so a host turns off the loops its tests run by hand.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private ServiceTestHost(WebApplication app, string directory, int port)
    {
        _app = app;
        _directory = directory;
        Port = port;
        Channel = Channels.For(Address);
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>The plain channel to the host: a call carries a token only if it sets one.</summary>
    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="module">The service, e.g. <c>RegistryServiceRegistration.Module</c>.</param>
    public static async Task<ServiceTestHost> StartAsync(
        ServiceModule module,
        TimeProvider clock,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var port = FreePort.Next();
        var directory = Directory.CreateTempSubdirectory($"projecthub-{module.Name.ToLowerInvariant()}-tests-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            [$"Services:{module.Name}:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Database:Directory"] = directory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:Mode"] = "Development", // callers use TestTokens
            // Tests move the fake clock by days and count outbox rows; a retention pass woken by that would prune them.
            // The retention tests turn it back on.
            ["Messaging:Retention:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = await ProjectHubHost.BuildAsync(module, new HostSetup
        {
            EnvironmentName = "Testing",
            Settings = configuration,
            Configure = builder =>
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(clock));
                configure?.Invoke(builder);
            },
        });
        await app.StartAsync();
        return new ServiceTestHost(app, directory, port);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
