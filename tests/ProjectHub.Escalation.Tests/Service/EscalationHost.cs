using Microsoft.Extensions.Time.Testing;
using MassTransit;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.ClientDefaults;
using ProjectHub.Domain;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Escalation.Sweep;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Projects;

using ProjectHub.Testing;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>
/// The real escalation service (gRPC on a free port, SQLite in a temp directory, in-memory bus) with a fake clock.
/// The background sweep is off so each test drives <see cref="SweepAsync"/> itself.
/// </summary>
public sealed class EscalationHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDirectory;

    private EscalationHost(WebApplication app, FakeTimeProvider clock, string directory, bool ownsDirectory, GrpcChannel channel)
    {
        _app = app;
        Clock = clock;
        Directory = directory;
        _ownsDirectory = ownsDirectory;
        Channel = channel;
        Client = new V1.Escalation.EscalationClient(channel.WithDefaults());
    }

    public FakeTimeProvider Clock { get; }
    public string Directory { get; }
    public GrpcChannel Channel { get; }
    public V1.Escalation.EscalationClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, ShanghaiTime.Offset);

    public static async Task<EscalationHost> StartAsync(
        FakeTimeProvider? clock = null, string? directory = null, IDictionary<string, string?>? settings = null)
    {
        clock ??= new FakeTimeProvider(Shanghai(2026, 3, 2, 9));
        var ownsDirectory = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "escalation-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var port = FreePort.Next();

        var configuration = new Dictionary<string, string?>
        {
            ["Services:Escalation:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:Directory"] = directory,
            ["Escalation:Sweep:Enabled"] = "false",
            ["Messaging:Retention:Enabled"] = "false", // the ladder tests move the clock by weeks, then count outbox rows
            ["Escalation:Alerts:PollSeconds"] = "1",
            ["Auth:Mode"] = "Development", // not a ServiceTestHost: trust the development tokens tests mint
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = await ProjectHubHost.BuildAsync(EscalationServiceRegistration.Module, new HostSetup
        {
            EnvironmentName = "Test",
            Settings = configuration,
            Configure = builder => builder.Services.AddSingleton<TimeProvider>(clock),
        });
        await app.StartAsync();
        return new EscalationHost(app, clock, directory, ownsDirectory, Channels.For($"http://127.0.0.1:{port}"));
    }

    public Task<int> SweepAsync() => Services.GetRequiredService<EscalationSweep>().RunOnceAsync(CancellationToken.None);

    public async Task<T> WithDbAsync<T>(Func<EscalationDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EscalationDbContext>());
    }

    /// <summary>Seeds who is responsible for a project, as the registry's events would.</summary>
    public Task SeedProjectAsync(string projectId, string responsibleUnit, string ownerUnit, string department, string leader) =>
        WithDbAsync(async db =>
        {
            db.ProjectRoutes.Add(new ProjectRoute
            {
                ProjectId = projectId, ProjectName = projectId, ResponsibleUnit = responsibleUnit, OwnerUnit = ownerUnit,
                IndustryDepartment = department, LeaderInCharge = leader, UpdatedAtUnixMs = Clock.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            return await db.SaveChangesAsync();
        });

    public Task<List<OutboxMessage>> OutboxAsync(string typeSuffix) =>
        WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type.EndsWith(typeSuffix)).ToListAsync());

    public Task PublishAsync<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Waits until <paramref name="condition"/> holds (events travel the bus asynchronously).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platforms; the temp directory is cleaned by the OS eventually.
            }
        }
    }
}
