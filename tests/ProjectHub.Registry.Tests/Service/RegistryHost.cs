using Microsoft.EntityFrameworkCore;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Client;
using ProjectHub.Registry.Persistence;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>
/// The real registry service on a free port with its own SQLite file and a fake clock, called over real gRPC.
/// One per test class (xUnit class fixture), so classes run in parallel without sharing data or time.
/// </summary>
public sealed class RegistryHost : IAsyncLifetime
{
    /// <summary>Monday 2026-03-02 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private ServiceTestHost? _host;

    public ManualTimeProvider Clock { get; } = new(Start);

    public ProjectRegistryClient Client { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public async Task InitializeAsync()
    {
        _host = await ServiceTestHost.StartAsync("Registry", b => b.AddRegistryService(), Clock,
            new Dictionary<string, string?> { ["Logging:LogLevel:MassTransit"] = "Warning" });
        Client = new ProjectRegistryClient(_host.Channel);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
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
}
