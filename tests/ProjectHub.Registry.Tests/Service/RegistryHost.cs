using Microsoft.Extensions.Time.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using ProjectHub.ClientDefaults;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Persistence;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Registry.Tests.Service;

/// <summary>
/// The real registry service on a free port with its own SQLite file and a fake clock, called over real gRPC.
/// One per test class (xUnit class fixture), so classes run in parallel without sharing data or time.
/// <see cref="Client"/> calls as DRC staff unless a call carries its own token (<see cref="As(Caller)"/>);
/// <see cref="Bare"/> sends only what a call carries, so a call without options has no token at all.
/// </summary>
public sealed class RegistryHost : IAsyncLifetime
{
    /// <summary>Monday 2026-03-02 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The default owner unit of <see cref="Projects.Fields"/>: the one who reports on those projects.</summary>
    public const string DefaultOwner = "市城投集团";

    private ServiceTestHost? _host;

    public FakeTimeProvider Clock { get; } = new(Start);

    public V1.ProjectRegistry.ProjectRegistryClient Client { get; private set; } = null!;

    public V1.ProjectRegistry.ProjectRegistryClient Bare { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    /// <summary>The plain channel to the host: no token unless a call carries one.</summary>
    public GrpcChannel Channel => _host!.Channel;

    public async Task InitializeAsync()
    {
        _host = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, Clock,
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:MassTransit"] = "Warning",
                // The tests run sweeps themselves (EvaluateLights); the nightly one would fire whenever they advance the clock.
                ["Registry:DailySweep"] = "false",
            });
        // Both through the client defaults (a deadline on every call); Client adds the DRC token where a call has none.
        Client = new V1.ProjectRegistry.ProjectRegistryClient(_host.Channel.Calling(TestTokens.Drc));
        Bare = new V1.ProjectRegistry.ProjectRegistryClient(_host.Channel.WithDefaults());
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

    public static CallOptions As(Caller caller) => TestTokens.As(caller);

    /// <summary>DRC staff with their own subject, which the audit trail records.</summary>
    public static CallOptions AsDrc(string subject) => As(TestTokens.Drc with { Subject = subject });

    /// <summary>The owner unit of a project, e.g. to submit its progress reports (the DRC does not).</summary>
    public static CallOptions AsOwner(string unit = DefaultOwner) => As(TestTokens.Owner(unit));
}
