using Microsoft.Extensions.Time.Testing;
using ProjectHub.ClientDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProjectHub.Registry;
using ProjectHub.Registry.V1;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Testing;
using ProjectHub.Testing.Scenarios;

namespace ProjectHub.Infrastructure.Tests;

/// <summary>
/// Two registry replicas on one database both wake for the 00:30 light sweep; the claim row in sweep_runs lets
/// exactly one of them sweep each day, on PostgreSQL (the production shape) and on SQLite alike. A day whose winner
/// died mid-sweep is taken over once its lease ran out.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DailySweepReplicaTests(InfrastructureFixture infra)
{
    [Theory]
    [InlineData("Postgres")]
    [InlineData("Sqlite")]
    public async Task Two_replicas_on_one_database_sweep_once_per_day(string provider)
    {
        var shared = Directory.CreateTempSubdirectory("projecthub-sweep-replicas-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Database:Registry:Provider"] = provider,
            ["Database:Registry:ConnectionString"] = provider == "Postgres"
                ? infra.PostgresConnectionString("sweep_" + Guid.NewGuid().ToString("N")[..8])
                : $"Data Source={Path.Combine(shared, "registry.db")}",
            ["Registry:DailySweep"] = "true",
        };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        try
        {
            // One after the other, as a rollout starts them: the first creates the schema.
            await using var first = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, clock, settings);
            await using var second = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, clock, settings);
            var registry = new ProjectRegistry.ProjectRegistryClient(first.Channel.WithDefaults());
            await registry.RegisterProjectAsync(
                LaggingScenario.Registration(LaggingScenario.Project("定时巡检测试项目")), TestTokens.As(TestTokens.Drc));
            var replicas = new[] { Sweep(first), Sweep(second) };
            var today = LaggingScenario.Today;

            var results = await Task.WhenAll(replicas.Select(r => r.RunIfClaimedAsync(today, CancellationToken.None)));
            var winner = Assert.Single(results, r => r is not null);
            Assert.Equal(1, winner!.Evaluated);

            // Waking again the same day (a restart, a retry) sweeps nothing; the next day is swept once again.
            Assert.All(await Task.WhenAll(replicas.Select(r => r.RunIfClaimedAsync(today, CancellationToken.None))), Assert.Null);
            Assert.Single(await Task.WhenAll(replicas.Select(r => r.RunIfClaimedAsync(today.AddDays(1), CancellationToken.None))), r => r is not null);

            // A replica claimed a day and died before finishing: within the lease nobody sweeps, after it one replica does.
            var orphaned = today.AddDays(2);
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                Assert.True(await SweepRuns.TryClaimAsync(db, orphaned, "dead-replica", clock.GetUtcNow(), CancellationToken.None));
            }

            Assert.All(await Task.WhenAll(replicas.Select(r => r.RunIfClaimedAsync(orphaned, CancellationToken.None))), Assert.Null);
            clock.Advance(SweepRuns.Lease + TimeSpan.FromMinutes(1));
            Assert.Single(await Task.WhenAll(replicas.Select(r => r.RunIfClaimedAsync(orphaned, CancellationToken.None))), r => r is not null);
            await using (var scope = second.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
                Assert.NotEqual("dead-replica", await SweepRuns.ClaimedByAsync(db, orphaned, CancellationToken.None));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(shared, recursive: true);
        }
    }

    private static DailyLightSweep Sweep(ServiceTestHost host) =>
        host.Services.GetServices<IHostedService>().OfType<DailyLightSweep>().Single();
}
