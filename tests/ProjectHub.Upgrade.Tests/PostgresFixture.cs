using System.Diagnostics;
using Npgsql;
using ProjectHub.Testing;

namespace ProjectHub.Upgrade.Tests;

/// <summary>A private PostgreSQL (no RabbitMQ) for the PostgreSQL upgrade and backup tests.</summary>
public sealed class PostgresFixture : PrivateInfrastructure, IAsyncLifetime
{
    protected override bool NeedsRabbitMq => false;

    private const string Psql = "/usr/lib/postgresql/15/bin/psql";
    private int _databases;

    /// <summary>A new database holding the fixture dump of <paramref name="service"/> (restored with psql, as a DBA would), or empty.</summary>
    public async Task<string> CreateDatabaseAsync(string service, bool restoreFixture = true)
    {
        var name = $"{service.ToLowerInvariant()}_{Interlocked.Increment(ref _databases)}";
        await using (var admin = new NpgsqlConnection(PostgresConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = PostgresConnectionString(name);
        if (restoreFixture)
        {
            await RestoreAsync(connectionString, Path.Combine(Fixture.Directory("postgres"), service.ToLowerInvariant() + ".sql"));
        }

        return connectionString;
    }

    private static async Task RestoreAsync(string connectionString, string dump)
    {
        if (!File.Exists(Psql))
        {
            throw new InvalidOperationException($"{Psql} not found: install the Debian package postgresql (./test.sh does).");
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Psql)
        {
            ArgumentList = { "-h", target.Host!, "-p", target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", target.Username!,
                "-d", target.Database!, "-v", "ON_ERROR_STOP=1", "-q", "-f", dump },
        };
        start.Environment["PGPASSWORD"] = target.Password;
        var psql = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2));
        if (psql.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql could not restore {dump}: {psql.Stderr}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Private PostgreSQL";
}
