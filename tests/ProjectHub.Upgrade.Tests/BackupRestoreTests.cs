using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProjectHub.Registry;
using ProjectHub.Testing;
using Xunit.Abstractions;

namespace ProjectHub.Upgrade.Tests;

/// <summary>
/// Issue 15: deploy/local/backup.sh backs a registry database up while reports stream in, restores it into a fresh
/// database, and a registry started there has every report whose call returned OK before the backup started.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupRestoreTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task A_pg_dump_taken_while_reports_stream_in_restores_every_report_acknowledged_before_it_started()
    {
        BackupScript.RequirePostgresClient();
        var source = await postgres.CreateDatabaseAsync("backup_source", restoreFixture: false);
        var target = await postgres.CreateDatabaseAsync("backup_restored", restoreFixture: false);
        var password = new Dictionary<string, string> { ["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(source).Password! };
        var dump = Path.Combine(Directory.CreateTempSubdirectory("projecthub-backup-").FullName, "registry.pgdump");
        try
        {
            IReadOnlyList<string> projects;
            IReadOnlyList<Acknowledged> acknowledged;
            long backupStarted, backupEnded;
            await using (var registry = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, TimeProvider.System, Settings(source)))
            {
                projects = await BackupDrill.RegisterProjectsAsync(registry.Channel);
                var stream = ReportStream.Start(registry.Channel, projects);
                await stream.WaitForAsync(40, TimeSpan.FromMinutes(1));

                backupStarted = Stopwatch.GetTimestamp();
                output.WriteLine(await BackupScript.RunAsync(password, "postgres", Url(source), dump));
                backupEnded = Stopwatch.GetTimestamp();

                await stream.WaitForAsync(stream.AcknowledgedCount + 40, TimeSpan.FromMinutes(1)); // a bit more after it
                (acknowledged, var failures) = await stream.StopAsync();
                Assert.True(failures.Count == 0, "Submissions failed while the backup ran: " + string.Join(" | ", failures.Take(5)));

                // The script restores into an empty database only: here the source, which is not.
                var refused = await BackupScript.TryRunAsync(password, "restore-postgres", dump, Keywords(source));
                Assert.Equal(1, refused.ExitCode);
                Assert.Contains("not empty", refused.Stderr, StringComparison.Ordinal);
            }

            output.WriteLine(await BackupScript.RunAsync(password, "restore-postgres", dump, Keywords(target)));
            await using (var connection = new NpgsqlConnection(target))
            {
                await connection.OpenAsync();
                await BackupDrill.AssertConsistentAsync(connection);
            }

            await using var restored = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, TimeProvider.System, Settings(target));
            var held = await BackupDrill.AssertRestoredAsync(restored.Channel, projects, acknowledged, backupStarted);
            BackupDrill.Report(output, acknowledged, backupStarted, backupEnded, held);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dump)!, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["Database:Registry:ConnectionString"] = connectionString,
        ["Registry:DailySweep"] = "false",
    };

    /// <summary>The libpq URL form (backup) ...</summary>
    private static string Url(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(b.Username!)}@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database!)}";
    }

    /// <summary>... and the keyword form (restore), both as README.md documents them; the password comes from PGPASSWORD.</summary>
    private static string Keywords(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}";
    }
}

/// <summary>The same drill on SQLite: an online VACUUM INTO while the registry writes, restored into a fresh directory.</summary>
public sealed class SqliteBackupRestoreTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_VACUUM_INTO_backup_taken_while_reports_stream_in_restores_every_report_acknowledged_before_it_started()
    {
        BackupScript.RequirePython();
        var root = Directory.CreateTempSubdirectory("projecthub-backup-").FullName;
        var live = Directory.CreateDirectory(Path.Combine(root, "live")).FullName;
        var fresh = Directory.CreateDirectory(Path.Combine(root, "restored")).FullName;
        var backup = Path.Combine(root, "registry-backup.db");
        try
        {
            IReadOnlyList<string> projects;
            IReadOnlyList<Acknowledged> acknowledged;
            long backupStarted, backupEnded;
            await using (var registry = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, TimeProvider.System, Settings(live)))
            {
                projects = await BackupDrill.RegisterProjectsAsync(registry.Channel);
                var stream = ReportStream.Start(registry.Channel, projects);
                await stream.WaitForAsync(40, TimeSpan.FromMinutes(1));

                backupStarted = Stopwatch.GetTimestamp();
                output.WriteLine(await BackupScript.RunAsync(null, "sqlite", Path.Combine(live, "registry.db"), backup));
                backupEnded = Stopwatch.GetTimestamp();

                await stream.WaitForAsync(stream.AcknowledgedCount + 40, TimeSpan.FromMinutes(1)); // a bit more after it
                (acknowledged, var failures) = await stream.StopAsync();
                Assert.True(failures.Count == 0, "Submissions failed while the backup ran: " + string.Join(" | ", failures.Take(5)));

                // A second backup onto the first is refused without --force.
                var refused = await BackupScript.TryRunAsync(null, "sqlite", Path.Combine(live, "registry.db"), backup);
                Assert.Equal(1, refused.ExitCode);
                Assert.Contains("refusing to overwrite", refused.Stderr, StringComparison.Ordinal);
            }

            // The service that will use the restored file is not running yet, as restore-sqlite requires.
            var restoredFile = Path.Combine(fresh, "registry.db");
            output.WriteLine(await BackupScript.RunAsync(null, "restore-sqlite", backup, restoredFile));
            var again = await BackupScript.TryRunAsync(null, "restore-sqlite", backup, restoredFile);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains("refusing to overwrite", again.Stderr, StringComparison.Ordinal);

            await using (var connection = new SqliteConnection($"Data Source={restoredFile};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync();
                await BackupDrill.AssertConsistentAsync(connection);
            }

            await using var restored = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, TimeProvider.System, Settings(fresh));
            var held = await BackupDrill.AssertRestoredAsync(restored.Channel, projects, acknowledged, backupStarted);
            BackupDrill.Report(output, acknowledged, backupStarted, backupEnded, held);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static Dictionary<string, string?> Settings(string directory) => new()
    {
        ["Database:Directory"] = directory,
        ["Registry:DailySweep"] = "false",
    };
}
