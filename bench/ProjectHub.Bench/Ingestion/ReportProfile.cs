using System.Globalization;
using System.Text.Json.Nodes;
using ProjectHub.Bench.Report;
using ProjectHub.Bench.Services;
using ProjectHub.Bench.Startup;
using ProjectHub.Registry.V1;
using ProjectHub.Testing.Otlp;
using ReportCadence = ProjectHub.Registry.Domain.Progress.ReportCadence;

namespace ProjectHub.Bench.Ingestion;

/// <summary>
/// Figure 2b: where one report's time goes, step by step, read from the registry host's own OpenTelemetry spans
/// (the standard telemetry the services export, sent to an in-process OTLP receiver): the server span of each
/// SubmitProgressReport, the database spans under it in the order the use case issues them, and the use case's own
/// spans (validate, evaluate light, save: ProjectHub's activity source) less the database calls inside them; "save"
/// outside its statements is EF Core's SaveChanges work plus BEGIN/COMMIT, which are not commands and have no span.
/// GetLight, the cheapest database-backed call, is measured the same way for comparison. One caller, so nothing
/// queues; PostgreSQL, as figure 2. The exporter adds a little to every span.
/// </summary>
public static class ReportProfile
{
    private const int Projects = 500;

    /// <summary>What the use case's database calls are, in order, for a report of a new period.</summary>
    private static readonly string[] Steps =
        ["read the project", "read its reports' outline", "read its overdue approvals", "write: report, audit, light, outbox (one SaveChanges)"];

    public static async Task<Section> RunAsync(BenchOptions options, SharedInfra infra)
    {
        var section = new Section("report_profile", "2b. Where one report's time goes (registry host, PostgreSQL, 1 caller, its OpenTelemetry spans)",
            "step", "calls per report", "mean ms per report", "share of the request", "statement");
        var postgres = await infra.PostgresAsync();
        if (postgres.Unavailable is { } why)
        {
            section.Add("—", "—", "—", "—", $"not measured: {why}");
            return section;
        }

        using var pg = RegistryDatabase.Postgres(postgres);
        var today = RegistrySeeder.Today;
        var firstMonday = ReportCadence.Weekly.PeriodContaining(today.AddDays(-728)).Start;
        await RegistrySeeder.SeedReportingProjectsAsync(pg.Options, Projects, firstMonday);
        var reports = new ReportSequence(Enumerable.Range(0, Projects).Select(i => $"bench-ingest-{i:D6}").ToArray(), firstMonday, today);
        await using var collector = await OtlpCollector.StartAsync();
        await using var host = HostProcess.Start(options.HostDll("Registry"), ["Services:Registry:Port"],
            [.. pg.HostArguments, "--Registry:DailySweep=false", $"--OTEL_EXPORTER_OTLP_ENDPOINT={collector.Endpoint}",
             "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf", "--OTEL_METRICS_EXPORTER=none", "--OTEL_BSP_SCHEDULE_DELAY=200",
             "--OTEL_BSP_MAX_QUEUE_SIZE=65536", "--OTEL_SERVICE_NAME=registry"], pg.Directory);
        await host.WaitServingAsync(TimeSpan.FromSeconds(120));
        using var channel = BenchCaller.Channel(host.Ports[0], ProjectRegistry.Descriptor);
        var client = new ProjectRegistry.ProjectRegistryClient(channel.AsAdmin());

        var measured = options.Quick ? 200 : 1000;
        for (var i = 0; i < 200; i++)
        {
            await client.SubmitProgressReportAsync(reports.Next()); // warm-up: JIT, pools, EF Core's query cache
        }

        var from = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var cpuBefore = ProcessCpu.Seconds(host.Pid);
        for (var i = 0; i < measured; i++)
        {
            await client.SubmitProgressReportAsync(reports.Next());
        }

        var cpuMs = (ProcessCpu.Seconds(host.Pid) - cpuBefore) * 1000 / measured;
        // The same host's cheapest database-backed call, for comparison: what any call costs outside its queries.
        var lightsFrom = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var lightCpuBefore = ProcessCpu.Seconds(host.Pid);
        for (var i = 0; i < measured; i++)
        {
            await client.GetLightAsync(new GetLightRequest { ProjectId = $"bench-ingest-{i % Projects:D6}" });
        }

        var lightCpuMs = (ProcessCpu.Seconds(host.Pid) - lightCpuBefore) * 1000 / measured;
        var (requests, spans) = await WaitForSpansAsync(collector, from, measured, "SubmitProgressReport");
        var (lightRequests, lightSpans) = await WaitForSpansAsync(collector, lightsFrom, measured, "GetLight");
        var children = spans.Where(s => s.ParentSpanId.Length > 0).ToLookup(s => s.ParentSpanId);
        var total = requests.Average(r => r.DurationMs);
        // Every span under each request (the use case's own spans nest EF Core's), in start order, the outbox relay's
        // publish (parented on the request too, but run after it) left out.
        var under = requests.Select(r => Descendants(children, r)
            .Where(c => c.StartUnixNano <= r.EndUnixNano && !c.Name.StartsWith("outbox publish", StringComparison.Ordinal))
            .OrderBy(c => c.StartUnixNano).ToList()).ToList();
        var db = under.Select(d => d.Where(c => c.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal)).ToList()).ToList();
        var maxCalls = db.Count == 0 ? 0 : db.Max(d => d.Count);
        double inDatabase = 0;
        for (var step = 0; step < maxCalls; step++)
        {
            var at = db.Where(d => d.Count > step).Select(d => d[step]).ToList();
            var meanPerReport = at.Sum(s => s.DurationMs) / requests.Count;
            inDatabase += meanPerReport;
            var statement = at.Select(Statement).FirstOrDefault(t => t.Length > 0) ?? "";
            var name = step < Steps.Length ? Steps[step] : "database call " + (step + 1).ToString(CultureInfo.InvariantCulture);
            AddRow(section, $"{step + 1}. {name}", (double)at.Count / requests.Count, meanPerReport, total, statement);
        }

        // The use case's own spans: the part of each outside the database calls it contains.
        foreach (var own in under.SelectMany(d => d).Where(s => s.Scope == "ProjectHub").GroupBy(s => s.Name))
        {
            var outside = own.Sum(s => s.DurationMs - Descendants(children, s)
                .Where(c => c.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal)).Sum(c => c.DurationMs)) / requests.Count;
            AddRow(section, $"{own.Key} (outside its database calls)", (double)own.Count() / requests.Count, outside, total, "");
        }

        AddRow(section, "the rest of the request (gRPC, authentication, EF Core's query work, mapping; the named steps above included)", 1, total - inDatabase, total, "");
        AddRow(section, "the whole request (server span)", 1, total, total, "");
        var lightTotal = lightRequests.Average(r => r.DurationMs);
        var lightChildren = lightSpans.Where(s => s.ParentSpanId.Length > 0).ToLookup(s => s.ParentSpanId);
        var lightDb = lightRequests.Sum(r => lightChildren[r.SpanId].Where(c => c.Scope.Contains("EntityFrameworkCore", StringComparison.Ordinal)).Sum(c => c.DurationMs)) / lightRequests.Count;
        AddRow(section, "for comparison, GetLight: its database call(s)", 1, lightDb, lightTotal, "");
        AddRow(section, $"for comparison, GetLight: the rest of the request (host CPU {lightCpuMs:0.00} ms per call)", 1, lightTotal - lightDb, lightTotal, "");
        section.Notes.Add($"{requests.Count:N0} reports at 1 caller after 200 warm-up ones, each a new period of one of {Projects} seeded projects; " +
            $"the registry host used {cpuMs:0.00} ms of CPU per report meanwhile (its outbox relay and the exporter included). Database spans " +
            "are EF Core's, under the request's server span (some inside the use case's own spans), so their time includes Npgsql and the " +
            "round trip; steps are named by their " +
            "order in SubmitProgressReport (a period reported before adds a read of its current version). For a CPU profile of the same load, see " +
            "Profiling in bench/README.md (dotnet-trace).");
        return section;
    }

    private static void AddRow(Section section, string step, double callsPerReport, double ms, double total, string statement)
    {
        section.Add(step, callsPerReport.ToString("0.##", CultureInfo.InvariantCulture), Section.Ms(ms), $"{ms / total:P0}",
            statement.Length > 70 ? statement[..70] + "…" : statement);
        section.Data.Add(new JsonObject { ["step"] = step, ["calls_per_report"] = Math.Round(callsPerReport, 3), ["mean_ms"] = Math.Round(ms, 3) });
    }

    private static IEnumerable<ExportedSpan> Descendants(ILookup<string, ExportedSpan> children, ExportedSpan span)
    {
        foreach (var child in children[span.SpanId])
        {
            yield return child;
            foreach (var below in Descendants(children, child))
            {
                yield return below;
            }
        }
    }

    private static string Statement(ExportedSpan span) =>
        (span.Attributes.GetValueOrDefault("db.query.text") ?? span.Attributes.GetValueOrDefault("db.statement") ?? "")
            .ReplaceLineEndings(" ").Trim();

    /// <summary>The measured requests' server spans and every span, once all of them have been exported.</summary>
    private static async Task<(List<ExportedSpan> Requests, List<ExportedSpan> Spans)> WaitForSpansAsync(
        OtlpCollector collector, ulong from, int expected, string method)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var spans = collector.Spans();
            var requests = spans.Where(s => s.Kind == SpanKind.Server && s.StartUnixNano >= from
                && (s.Name.EndsWith("/" + method, StringComparison.Ordinal)
                    || s.Attributes.GetValueOrDefault("grpc.method", "").EndsWith("/" + method, StringComparison.Ordinal))).ToList();
            if (requests.Count >= expected || DateTime.UtcNow > deadline)
            {
                return requests.Count == 0
                    ? throw new InvalidOperationException($"no {method} server span arrived ({spans.Count} spans in all)")
                    : (requests, spans);
            }

            await Task.Delay(200);
        }
    }
}
