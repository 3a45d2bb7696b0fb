using Npgsql;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Security;
using ProjectHub.Registry;

namespace ProjectHub.Upgrade.Tests;

/// <summary>The PostgreSQL databases of the release before migrations (pg_dump of them), upgraded in place by this one.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUpgradeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_databases_upgrade_in_place_and_every_sample_row_reads_back_through_grpc()
    {
        var databases = new Dictionary<string, string>();
        foreach (var service in Fixture.Services)
        {
            databases[service] = await postgres.CreateDatabaseAsync(service);
        }

        SampleRows expected;
        await using (var registry = await OpenAsync(databases["Registry"]))
        await using (var approval = await OpenAsync(databases["Approval"]))
        await using (var escalation = await OpenAsync(databases["Escalation"]))
        {
            expected = await SampleRows.ReadAsync(registry, approval, escalation);
        }

        await ReadBack.AssertEveryRowAsync(expected, service => new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            [$"Database:{service}:ConnectionString"] = databases[service],
        });

        foreach (var service in new[] { "Registry", "Approval", "Escalation" })
        {
            // Every migration of the release, in order: the baseline recorded for today's schema, the later ones run.
            Assert.Equal(ServiceContexts.MigrationsOf(service, "Postgres"), await AppliedAsync(databases[service]));
        }
    }

    [Theory]
    [InlineData(true)]   // today's schema, no history yet: both replicas see a database to baseline
    [InlineData(false)]  // an empty database: both replicas see every table to create
    public async Task Two_replicas_migrating_at_once_apply_each_migration_once(bool fromFixture)
    {
        var database = await postgres.CreateDatabaseAsync("Registry", fromFixture);
        string[] args = ["--Database:Provider=Postgres", $"--Database:Registry:ConnectionString={database}", "--Logging:LogLevel:Default=Warning"];

        var replicas = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => ProjectHubHost.MigrateAsync([RegistryServiceRegistration.Module], args, AuthMode.Development))));

        Assert.All(replicas, code => Assert.Equal(0, code));
        Assert.Equal(MigrationsOfRegistry(), await AppliedAsync(database));
        await using var connection = await OpenAsync(database);
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM sweep_runs", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync()); // the table of the second migration is there
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static List<string> MigrationsOfRegistry() => ServiceContexts.MigrationsOf("Registry", "Postgres");

    private static async Task<List<string>> AppliedAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """, connection);
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }
}
