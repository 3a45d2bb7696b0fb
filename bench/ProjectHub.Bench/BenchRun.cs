using ProjectHub.Bench.Alerts;
using ProjectHub.Bench.Ingestion;
using ProjectHub.Bench.Rpc;
using ProjectHub.Bench.Lights;
using ProjectHub.Bench.Report;
using ProjectHub.Bench.Retention;
using ProjectHub.Bench.Services;
using ProjectHub.Bench.Startup;

namespace ProjectHub.Bench;

/// <summary>
/// One run: describe the machine, measure, and — because the machine is shared — re-run the most load-sensitive
/// figure (1a) at the end when the load average was high, keeping both tables.
/// </summary>
public static class BenchRun
{
    /// <summary>Above this 1-minute load average on 2 cores, other work is competing with the measurement.</summary>
    private const double BusyLoad = 1.0;

    /// <summary>The --only names, in run order; population-pg (3b and 5 on PostgreSQL too) only when named.</summary>
    public static readonly string[] Figures = ["grpc", "ingestion", "lights", "sweep", "reads", "alerts", "startup", "retention", "population-pg"];

    /// <summary>Tables in figure order, whatever order they were measured in.</summary>
    private static readonly string[] SectionOrder =
        ["grpc_servers", "grpc_clients", "ingestion", "report_profile", "lights", "sweep", "alert_latency", "reads", "startup_memory", "memory_database_load", "retention"];

    public static async Task<int> RunAsync(BenchOptions options, string only, string resultsDirectory)
    {
        var machine = Machine.Describe(options.Python, options.InteropDir);
        List<Section> sections = [];
        bool Wants(string name) => only == "all" || only.Split(',').Contains(name);

        // A figure that throws (a host that would not start, a peer missing) is reported in its own table and the
        // run goes on: twenty minutes of other figures are not lost to one of them.
        var failures = new Section("failed", "Figures that failed in this run", "figure", "error");
        async Task Measure(string figure, Func<Task<IEnumerable<Section>>> run)
        {
            Console.Error.WriteLine(figure + " …");
            try
            {
                sections.AddRange(await run());
            }
#pragma warning disable CA1031 // Whatever one figure throws, the others still run and the results are still written.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Console.Error.WriteLine($"  {figure} FAILED: {ex}");
                failures.Add(figure, ex.Message.Split('\n')[0]);
            }
        }

        if (Wants("grpc"))
        {
            await Measure("1a. servers", async () => [await GrpcBenchmark.ServersAsync(options)]);
            await Measure("1b. clients", async () => [await GrpcBenchmark.ClientsAsync(options)]);
        }

        await using (var infra = new SharedInfra(options))
        {
            if (Wants("ingestion"))
            {
                await Measure("2. ingestion (and 6b memory)", async () =>
                {
                    var (ingestion, memory) = await IngestionBenchmark.RunAsync(options, infra);
                    return [ingestion, await ReportProfile.RunAsync(options, infra), memory];
                });
            }

            if (Wants("lights"))
            {
                await Measure("3. lights", () => Task.FromResult<IEnumerable<Section>>([LightsBenchmark.Run(options)]));
            }

            if (Wants("sweep") || Wants("reads"))
            {
                await Measure("3b. sweep / 5. reads over a seeded registry", async () =>
                    await PopulationFigures.RunAsync(options, infra, Wants("sweep"), Wants("reads"), only.Split(',').Contains("population-pg")));
            }

            if (Wants("alerts"))
            {
                await Measure("4. alert latency", async () => [await AlertLatencyBenchmark.RunAsync(options, infra)]);
            }

            if (Wants("retention"))
            {
                await Measure("7. delivery-table retention", async () => [await RetentionBenchmark.RunAsync(options, infra)]);
            }
        }

        if (Wants("startup"))
        {
            await Measure("6. start-up and memory", async () => [await StartupBenchmark.RunAsync(options)]);
        }

        sections = [.. sections.OrderBy(s => Array.IndexOf(SectionOrder, s.Id))];

        var load = Machine.LoadAverage();
        machine["load_average_end"] = load;
        if (Wants("grpc") && double.TryParse(load.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var oneMinute) && oneMinute > BusyLoad)
        {
            Console.Error.WriteLine($"load average {load}: re-running 1a …");
            var again = await GrpcBenchmark.ServersAsync(options);
            var rerun = new Section(again.Id + "_rerun", again.Title + " — re-run at the end (machine was busy)", [.. again.Columns]);
            rerun.Rows.AddRange(again.Rows);
            rerun.Notes.AddRange(again.Notes);
            rerun.Notes.Add($"Load average before this re-run: {load}; after: {Machine.LoadAverage()}.");
            foreach (var node in again.Data)
            {
                rerun.Data.Add(node!.DeepClone());
            }

            sections.Insert(2, rerun);
            machine["load_average_after_rerun"] = Machine.LoadAverage();
        }

        if (failures.Rows.Count > 0)
        {
            sections.Add(failures);
        }

        sections.Add(NotMeasured(options.Quick, only));
        ResultsWriter.Write(resultsDirectory, machine, options.Quick ? "quick" : "full", sections);
        return 0;
    }

    /// <summary>What the figures leave out in this driver, listed so the table never hides a gap.</summary>
    private static Section NotMeasured(bool quick, string only)
    {
        var section = new Section("not_measured", "Not measured yet", "figure", "target", "status");
        if (quick)
        {
            section.Add("3b, 5 at 100,000 projects", "< 5 s, < 500 MiB; p99 < 50 ms", "quick mode seeds 2,000 projects and does not judge; the full run seeds 100,000");
        }

        if (!only.Split(',').Contains("population-pg"))
        {
            section.Add("3b, 5 on PostgreSQL", "as above", "only with `--only sweep,reads,population-pg` (a second 100,000-project seeding and sweep)");
        }

        section.Add("4 with three separate hosts on the in-memory bus", "—", "not possible: the in-memory bus does not cross processes");
        section.Add("6b for the approval and escalation hosts, and PostgreSQL's own memory", "—", "not implemented (6b is the registry host during figure 2)");
        return section;
    }
}
