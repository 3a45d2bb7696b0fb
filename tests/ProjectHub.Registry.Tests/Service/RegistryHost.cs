using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Grpc;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Client;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>
/// The real registry service on a free port with its own SQLite file and a fake clock, called over real gRPC.
/// One per test class (xUnit class fixture), so classes run in parallel without sharing data or time.
/// </summary>
public sealed class RegistryHost : IAsyncLifetime
{
    /// <summary>Monday 2026-03-02 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "registry-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private GrpcChannel? _channel;

    public FakeTimeProvider Clock { get; } = new(Start);

    public ProjectRegistryClient Client { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Registry:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:Directory"] = _directory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:MassTransit"] = "Warning",
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddProjectHubDefaults();
        builder.AddRegistryService();
        builder.AddProjectHubBus();
        _app = builder.Build();
        await _app.Services.InitializeDatabasesAsync();
        _app.UseProjectHub();
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Client = new ProjectRegistryClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Runs <paramref name="read"/> against the service's database in a fresh scope.</summary>
    public async Task<T> InDatabase<T>(Func<RegistryDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    public async Task<T> InScope<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        InDatabase(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());

    public static CallOptions As(string actor) => new(Headers: new Metadata().Add("x-actor", actor));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
