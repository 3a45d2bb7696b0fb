using Microsoft.Data.Sqlite;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Security;
using ProjectHub.Registry;

namespace ProjectHub.Upgrade.Tests;

/// <summary>The SQLite databases of the release before migrations, upgraded in place by this one.</summary>
public sealed class SqliteUpgradeTests
{
    [Fact]
    public async Task The_databases_upgrade_in_place_and_every_sample_row_reads_back_through_grpc()
    {
        var directory = Fixture.CopySqlite();
        var expected = await ReadSampleRowsAsync(directory);

        await ReadBack.AssertEveryRowAsync(expected, _ => new Dictionary<string, string?> { ["Database:Directory"] = directory });

        foreach (var service in Fixture.Services)
        {
            Assert.Equal(MigrationsOf(service), await AppliedAsync(directory, service));
        }
    }

    [Fact]
    public async Task An_upgraded_database_has_exactly_the_schema_of_a_fresh_one()
    {
        var upgraded = Fixture.CopySqlite();
        var fresh = Directory.CreateTempSubdirectory("projecthub-fresh-").FullName;
        foreach (var directory in new[] { upgraded, fresh })
        {
            Assert.Equal(0, await ProjectHubHost.MigrateAsync(
                [RegistryServiceRegistration.Module, Approval.ApprovalServiceRegistration.Module, Escalation.EscalationServiceRegistration.Module],
                [$"--Database:Directory={directory}", "--Logging:LogLevel:Default=Warning"], AuthMode.Development));
        }

        foreach (var service in Fixture.Services)
        {
            Assert.Equal(await SchemaAsync(fresh, service), await SchemaAsync(upgraded, service));
        }
    }

    [Fact]
    public async Task A_host_that_may_not_migrate_refuses_a_database_that_is_behind_naming_the_missing_migrations()
    {
        var directory = Fixture.CopySqlite();
        var settings = new Dictionary<string, string?> { ["Database:Directory"] = directory, ["Database:MigrateOnStart"] = "false" };

        var behind = await Assert.ThrowsAsync<DatabaseBehindException>(() =>
            Testing.ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, TimeProvider.System, settings));
        Assert.Equal(MigrationsOf("Registry"), behind.Missing);
        Assert.All(MigrationsOf("Registry"), id => Assert.Contains(id, behind.Message, StringComparison.Ordinal));
        Assert.Empty(await AppliedAsync(directory, "Registry")); // refused, and changed nothing

        // What the deployment's migration step runs; then the same host starts.
        Assert.Equal(0, await ProjectHubHost.MigrateAsync([RegistryServiceRegistration.Module], [$"--Database:Directory={directory}"], AuthMode.Development));
        await using var started = await Testing.ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, TimeProvider.System, settings);
        Assert.Equal(MigrationsOf("Registry"), await AppliedAsync(directory, "Registry"));
    }

    private static async Task<SampleRows> ReadSampleRowsAsync(string directory)
    {
        await using var registry = await OpenAsync(directory, "Registry");
        await using var approval = await OpenAsync(directory, "Approval");
        await using var escalation = await OpenAsync(directory, "Escalation");
        return await SampleRows.ReadAsync(registry, approval, escalation);
    }

    private static async Task<SqliteConnection> OpenAsync(string directory, string service)
    {
        // Pooling off, so no handle stays open on the file once the test has read it.
        var connection = new SqliteConnection($"Data Source={Path.Combine(directory, service.ToLowerInvariant() + ".db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static List<string> MigrationsOf(string service) => ServiceContexts.MigrationsOf(service, "Sqlite");

    private static async Task<List<string>> AppliedAsync(string directory, string service)
    {
        await using var connection = await OpenAsync(directory, service);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (await command.ExecuteScalarAsync() is null)
        {
            return [];
        }

        command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """;
        var applied = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    /// <summary>Every table and index with its DDL, EF Core's own bookkeeping tables left out.</summary>
    private static async Task<List<string>> SchemaAsync(string directory, string service)
    {
        await using var connection = await OpenAsync(directory, service);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE '__EF%' ORDER BY type, name";
        var schema = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            schema.Add(reader.GetString(0));
        }

        return schema;
    }
}
