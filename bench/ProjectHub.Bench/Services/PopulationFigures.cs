using ProjectHub.Bench.Reads;
using ProjectHub.Bench.Report;
using ProjectHub.Bench.Startup;
using ProjectHub.Bench.Sweep;

namespace ProjectHub.Bench.Services;

/// <summary>
/// Figures 3b and 5 share one seeded registry per database (seeding 100,000 projects is the slow part): seed,
/// start the registry host on it, sweep (3b), then read (5). Quick mode seeds 2,000 and does not judge targets.
/// SQLite always; PostgreSQL only when asked (`--only ...,population-pg`): seeding and sweeping 100,000 projects a
/// second time would take the full run well past its quarter of an hour.
/// </summary>
public static class PopulationFigures
{
    public const int FullSize = 100_000;

    public static async Task<IReadOnlyList<Section>> RunAsync(BenchOptions options, SharedInfra infra, bool sweep, bool reads, bool postgres)
    {
        var projects = options.Quick ? 2_000 : FullSize;
        var sweepSection = SweepBenchmark.CreateSection();
        var readsSection = ReadsBenchmark.CreateSection();
        foreach (var name in postgres ? new[] { "SQLite", "PostgreSQL" } : ["SQLite"])
        {
            RegistryDatabase database;
            if (name == "SQLite")
            {
                database = RegistryDatabase.Sqlite();
            }
            else
            {
                var server = await infra.PostgresAsync();
                if (server.Unavailable is { } why)
                {
                    sweepSection.Notes.Add($"PostgreSQL not measured: {why}");
                    readsSection.Notes.Add($"PostgreSQL not measured: {why}");
                    continue;
                }

                database = RegistryDatabase.Postgres(server);
            }

            using (database)
            {
                Console.Error.WriteLine($"  seeding {projects:N0} projects ({name}) …");
                var seeded = await RegistrySeeder.SeedPopulationAsync(database.Options, projects);
                Console.Error.WriteLine($"  seeded in {seeded:0.0} s");
                await using var host = HostProcess.Start(options.HostDll("Registry"), ["Services:Registry:Port"],
                    [.. database.HostArguments, "--Registry:DailySweep=false"], database.Directory);
                await host.WaitServingAsync(TimeSpan.FromSeconds(120));
                if (sweep)
                {
                    await SweepBenchmark.MeasureAsync(host, database, projects, projects == FullSize, sweepSection,
                        TimeSpan.FromSeconds(options.Quick ? 30 : 120));
                }

                if (reads)
                {
                    await ReadsBenchmark.MeasureAsync(options, host, database, projects, projects == FullSize, readsSection);
                }
            }
        }

        if (!postgres)
        {
            sweepSection.Notes.Add("SQLite only in this run; `--only sweep,reads,population-pg` adds PostgreSQL.");
            readsSection.Notes.Add("SQLite only in this run; `--only sweep,reads,population-pg` adds PostgreSQL.");
        }

        var sections = new List<Section>();
        if (sweep)
        {
            SweepBenchmark.AddNotes(sweepSection);
            sections.Add(sweepSection);
        }

        if (reads)
        {
            ReadsBenchmark.AddNotes(readsSection);
            sections.Add(readsSection);
        }

        return sections;
    }
}
