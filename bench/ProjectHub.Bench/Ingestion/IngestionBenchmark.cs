using System.Text.Json.Nodes;
using ProjectHub.Bench.Report;
using ProjectHub.Bench.Rpc;
using ProjectHub.Bench.Services;
using ProjectHub.Bench.Startup;
using ProjectHub.Registry.V1;
using ReportCadence = ProjectHub.Registry.Domain.Progress.ReportCadence;

namespace ProjectHub.Bench.Ingestion;

/// <summary>
/// Benchmark 2: progress reports per second through SubmitProgressReport on the registry host (validation, the
/// report row, the audit row, the light re-evaluated from the database, ProgressReported and any
/// ProjectLightChanged in the outbox, one transaction), on SQLite and on a private PostgreSQL. Projects are seeded
/// first; every call is a new period of its project. Each row is set beside the database's ceiling for the same writes
/// (<see cref="PgbenchCeiling"/>, <see cref="SqliteCeiling"/>). The host's resident memory during the load is figure 6b.
/// </summary>
public static class IngestionBenchmark
{
    /// <summary>The targets: ours ÷ the ceiling at each concurrency, and the registry's CPU per report.</summary>
    public static double TargetRatio(int concurrency) => concurrency == 1 ? 0.5 : 0.7;

    public const double TargetCpuMsPerReport = 1.0;

    /// <summary>One concurrency level of our load.</summary>
    private sealed record Level(int Concurrency, LoadResult Load, string? Error, double CpuMs);

    public static async Task<(Section Ingestion, Section Memory)> RunAsync(BenchOptions options, SharedInfra infra)
    {
        var section = new Section("ingestion", "2. Progress-report ingestion through SubmitProgressReport (registry host) against the database's own ceiling",
            "database", "concurrency", "reports/s", "p50 ms", "p99 ms", "errors", "host CPU ms/report", "ceiling tx/s", "ours ÷ ceiling", "target");
        var memory = new Section("memory_database_load", "6b. Resident memory of the registry host under a database-bound load (figure 2's load)",
            "host", "database", "RSS at rest MiB", "CPU at rest % of a core", "peak RSS during ingestion MiB", "reports submitted");
        var projects = options.Quick ? 1000 : 2000;

        var postgres = await infra.PostgresAsync();
        if (postgres.Unavailable is { } why)
        {
            section.Add("PostgreSQL", "—", "—", "—", "—", "—", "—", "—", "—", $"not measured: {why}");
            memory.Add("registry", "PostgreSQL", "—", "—", "—", "—");
        }
        else
        {
            using var pg = RegistryDatabase.Postgres(postgres);
            var levels = await MeasureAsync(options, pg, projects, memory);
            // After our load, with the host stopped: the same database, the same concurrency levels.
            var script = await PgbenchCeiling.WriteScriptAsync(pg.ConnectionString!, projects, pg.Directory);
            foreach (var level in levels)
            {
                var (tps, error) = await PgbenchCeiling.RunAsync(pg.ConnectionString!, script, level.Concurrency, options.ServiceDuration);
                Add(section, pg.Name, level, tps);
                if (error is not null)
                {
                    section.Notes.Add($"pgbench at {level.Concurrency}: {error}");
                }
            }
        }

        using (var sqlite = RegistryDatabase.Sqlite())
        {
            var levels = await MeasureAsync(options, sqlite, projects, memory);
            // One writer is SQLite's own limit, so one ceiling serves every concurrency level.
            var tps = await SqliteCeiling.RunAsync(sqlite.Directory, projects, options.ServiceDuration);
            foreach (var level in levels)
            {
                Add(section, sqlite.Name, level, tps);
            }
        }

        section.Notes.Add("Ceiling: the writes one report makes (the report row, the audit row, the project's light update and the ProgressReported " +
            "outbox row with a payload copied from one the registry wrote; one transaction), without any of the service's reads or work. On " +
            "PostgreSQL it is Debian's pgbench (`--protocol prepared`, as many connections as our callers, `--jobs` up to the core count) " +
            "against the same database right after our load; on SQLite one Microsoft.Data.Sqlite connection with prepared commands on the " +
            "registry's own file (one writer, WAL). Targets: ours ÷ ceiling ≥ 0.5 at 1 and ≥ 0.7 at 16 and 64 concurrent, and ≤ 1 ms of " +
            "registry CPU per report.");
        section.Notes.Add($"{projects:N0} projects under construction are seeded through the registry's own DbContext; report i is week i ÷ {projects:N0} " +
            $"of project i mod {projects:N0}, so every call stores a new period (version 1). Closed loop, one channel, warm-up discarded, admin token and the standard 30 s deadline on every call. " +
            $"Load average at the end {Machine.LoadAverage()}, fsync {Machine.FsyncMedianMs()} ms.");
        memory.Notes.Add("The registry host alone (`ProjectHub.Registry.dll`, server GC), RSS after start-up, a 2 s settle and 3 s at rest (CPU " +
            "at rest is measured over those 3 s: the host's timers, outbox relay and samplers with no calls), then the peak sampled " +
            "every 100 ms through all of figure 2's concurrency levels on that database. Figure 6 is the same host under a gRPC-only load.");
        return (section, memory);
    }

    private static void Add(Section section, string database, Level level, double ceiling)
    {
        var r = level.Load;
        var ratio = r.CallsPerSecond / ceiling;
        var ratioMet = ratio >= TargetRatio(level.Concurrency);
        var cpuMet = level.CpuMs <= TargetCpuMsPerReport;
        var verdict = double.IsNaN(ratio)
            ? "ceiling not measured"
            : $"≥ {TargetRatio(level.Concurrency):0.0}×: {Section.Verdict(ratioMet)}; CPU ≤ {TargetCpuMsPerReport:0} ms: {Section.Verdict(cpuMet)}";
        section.Add(database, level.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), Section.Num(r.CallsPerSecond),
            Section.Ms(r.P50Ms), Section.Ms(r.P99Ms), r.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), Section.Ms(level.CpuMs),
            double.IsNaN(ceiling) ? "—" : Section.Num(ceiling), double.IsNaN(ratio) ? "—" : $"{ratio:0.00}×", verdict);
        section.Data.Add(new JsonObject
        {
            ["database"] = database, ["concurrency"] = level.Concurrency, ["reports_per_second"] = Math.Round(r.CallsPerSecond, 1),
            ["p50_ms"] = Math.Round(r.P50Ms, 3), ["p99_ms"] = Math.Round(r.P99Ms, 3), ["errors"] = r.Errors, ["first_error"] = level.Error,
            ["host_cpu_ms_per_report"] = Math.Round(level.CpuMs, 3),
            ["ceiling_tx_per_second"] = double.IsNaN(ceiling) ? null : Math.Round(ceiling, 1),
            ["ours_over_ceiling"] = double.IsNaN(ratio) ? null : Math.Round(ratio, 3),
        });
        if (level.Error is not null)
        {
            section.Notes.Add($"{database} at {level.Concurrency}: first error {level.Error}");
        }
    }

    private static async Task<List<Level>> MeasureAsync(BenchOptions options, RegistryDatabase database, int projects, Section memory)
    {
        var today = RegistrySeeder.Today;
        var firstMonday = ReportCadence.Weekly.PeriodContaining(today.AddDays(-728)).Start;
        await RegistrySeeder.SeedReportingProjectsAsync(database.Options, projects, firstMonday);
        var ids = Enumerable.Range(0, projects).Select(i => $"bench-ingest-{i:D6}").ToArray();
        var reports = new ReportSequence(ids, firstMonday, today);

        await using var host = HostProcess.Start(options.HostDll("Registry"), ["Services:Registry:Port"],
            [.. database.HostArguments, "--Registry:DailySweep=false"], database.Directory);
        await host.WaitServingAsync(TimeSpan.FromSeconds(120));
        // Settle, then 3 s at rest: RSS, and the CPU the host burns with no calls (timers, the outbox relay, samplers).
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idleCpuBefore = ProcessCpu.Seconds(host.Pid);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idleCpuPercent = (ProcessCpu.Seconds(host.Pid) - idleCpuBefore) / 3 * 100;
        var rest = ProcessMemory.RssMiB(host.Pid);
        using var channel = BenchCaller.Channel(host.Ports[0], ProjectRegistry.Descriptor);
        var client = new ProjectRegistry.ProjectRegistryClient(channel.AsAdmin());
        var peak = rest;
        var levels = new List<Level>();
        foreach (var c in options.Concurrencies)
        {
            var cpuBefore = ProcessCpu.Seconds(host.Pid);
            var issuedBefore = reports.Issued;
            var run = CallLoad.RunAsync(c, options.ServiceWarmup, options.ServiceDuration, async () => await client.SubmitProgressReportAsync(reports.Next()));
            peak = Math.Max(peak, await CallLoad.PeakRssDuringAsync(host.Pid, run));
            var (r, error) = await run;
            // Warm-up included on both sides: CPU of the host per report it handled in this level.
            var cpuMs = (ProcessCpu.Seconds(host.Pid) - cpuBefore) * 1000 / Math.Max(1, reports.Issued - issuedBefore);
            levels.Add(new Level(c, r, error, cpuMs));
            Console.Error.WriteLine($"  {database.Name} × {c}: {r.CallsPerSecond:0} reports/s, p99 {r.P99Ms:0.0} ms, errors {r.Errors}");
        }

        memory.Add("registry", database.Name, Section.Num(rest), Section.Num(idleCpuPercent, "0.0"), Section.Num(peak), reports.Issued.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        memory.Data.Add(new JsonObject { ["host"] = "registry", ["database"] = database.Name, ["rss_rest_mib"] = Math.Round(rest, 1),
            ["cpu_rest_percent"] = Math.Round(idleCpuPercent, 1), ["rss_peak_mib"] = Math.Round(peak, 1) });
        return levels;
    }
}
