using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectHub.Grpc;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Testing;

/// <summary>
/// One real service, composed exactly as its host composes it, on a free port with its own SQLite files in a temp
/// directory, a hand-set clock and the in-process bus; called over real gRPC through <see cref="Channel"/>.
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
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="serviceName">The "Services:{name}:Port" key, e.g. "Registry".</param>
    /// <param name="addService">The service's own registration, e.g. <c>b => b.AddRegistryService()</c>.</param>
    public static async Task<ServiceTestHost> StartAsync(
        string serviceName,
        Action<WebApplicationBuilder> addService,
        TimeProvider clock,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var directory = Directory.CreateTempSubdirectory($"projecthub-{serviceName.ToLowerInvariant()}-tests-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        var configuration = new Dictionary<string, string?>
        {
            [$"Services:{serviceName}:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Database:Directory"] = directory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Auth:Mode"] = "Development", // callers use TestTokens
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddProjectHubDefaults();
        builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        addService(builder);
        builder.AddProjectHubBus();
        var app = builder.Build();
        await app.Services.InitializeDatabasesAsync();
        app.UseProjectHub();
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
