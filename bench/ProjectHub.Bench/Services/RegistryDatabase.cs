using Microsoft.EntityFrameworkCore;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Bench.Services;

/// <summary>
/// Where a figure's registry keeps its data: a fresh SQLite directory, or a fresh database on the run's private
/// PostgreSQL. Gives the seeder its DbContext options and the host its command-line settings.
/// </summary>
public sealed class RegistryDatabase : IDisposable
{
    private RegistryDatabase(string name, string directory, string? connectionString)
    {
        Name = name;
        Directory = directory;
        ConnectionString = connectionString;
    }

    /// <summary>"SQLite" or "PostgreSQL", as the tables print it.</summary>
    public string Name { get; }

    /// <summary>The host's Database:Directory (SQLite files live here; with PostgreSQL it stays empty).</summary>
    public string Directory { get; }

    public string? ConnectionString { get; }

    public DbContextOptions Options =>
        ConnectionString is null ? RegistrySeeder.Sqlite(Directory) : RegistrySeeder.Postgres(ConnectionString);

    /// <summary>Host settings selecting this database (the data directory is passed separately).</summary>
    public IEnumerable<string> HostArguments => ConnectionString is null
        ? []
        : ["--Database:Provider=Postgres", $"--Database:Registry:ConnectionString={ConnectionString}"];

    public static RegistryDatabase Sqlite() =>
        new("SQLite", System.IO.Directory.CreateTempSubdirectory("projecthub-bench-").FullName, null);

    public static RegistryDatabase Postgres(PrivateInfra infra) =>
        new("PostgreSQL", System.IO.Directory.CreateTempSubdirectory("projecthub-bench-").FullName,
            infra.PostgresConnectionString("bench_" + Guid.NewGuid().ToString("N")[..12]));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"  could not delete {Directory}: {ex.Message}");
        }
    }
}
