using System.Diagnostics;
using System.Text.Json.Nodes;
using ProjectHub.Bench.Report;

namespace ProjectHub.Bench.Startup;

/// <summary>
/// Benchmark 6: start-up of each host to all-SERVING, then resident memory at rest (after a settle period) and
/// the peak while 16 callers hammer Health/Check on its ports. The Python and Node interop servers' own
/// start-up (process start to LISTENING) are timed as a reference point for what "a gRPC process" costs here.
/// </summary>
public static class StartupBenchmark
{
    private static readonly (string Name, string Project, string[] Ports)[] Hosts =
    [
        ("embedded (all three)", "Embedded", ["Services:Registry:Port", "Services:Approval:Port", "Services:Escalation:Port"]),
        ("registry", "Registry", ["Services:Registry:Port"]),
        ("approval", "Approval", ["Services:Approval:Port"]),
        ("escalation", "Escalation", ["Services:Escalation:Port"]),
    ];

    public static async Task<Section> RunAsync(BenchOptions options)
    {
        var section = new Section("startup_memory", "6. Start-up to all-SERVING and resident memory (SQLite, in-memory bus)",
            "host", "start-up ms (median of runs)", "RSS at rest MiB", "peak RSS under load MiB", "health calls/s under load");
        var runs = options.Quick ? 2 : 5;
        var settle = TimeSpan.FromSeconds(options.Quick ? 3 : 10);
        foreach (var (name, project, ports) in Hosts)
        {
            var dll = options.HostDll(project);
            if (!File.Exists(dll))
            {
                section.Add(name, $"not built ({dll})", "—", "—", "—");
                continue;
            }

            var startups = new List<double>();
            double rest = double.NaN, peak = double.NaN, rate = double.NaN;
            for (var run = 0; run < runs; run++)
            {
                var clock = Stopwatch.StartNew();
                // The embedded host's web board goes on a free port too, so it never collides with another 5100.
                await using var host = HostProcess.Start(dll, ports, httpPortSettings: project == "Embedded" ? ["Services:Board:Port"] : null);
                await host.WaitServingAsync(TimeSpan.FromSeconds(60));
                startups.Add(clock.Elapsed.TotalMilliseconds);
                if (run == runs - 1)
                {
                    await Task.Delay(settle);
                    rest = ProcessMemory.RssMiB(host.Pid);
                    (peak, rate) = await UnderLoadAsync(host, options.Duration);
                }
            }

            startups.Sort();
            var median = startups[startups.Count / 2];
            section.Add(name, Section.Num(median), Section.Num(rest), Section.Num(peak), Section.Num(rate));
            section.Data.Add(new JsonObject
            {
                ["host"] = name,
                ["startup_ms"] = new JsonArray(startups.Select(s => (JsonNode)JsonValue.Create(Math.Round(s, 1))).ToArray()),
                ["rss_rest_mib"] = Math.Round(rest, 1),
                ["rss_peak_under_load_mib"] = Math.Round(peak, 1),
                ["health_calls_per_second"] = Math.Round(rate, 0),
            });
            Console.Error.WriteLine($"  {name}: start-up {median:0} ms, rest {rest:0} MiB, load {peak:0} MiB");
        }

        await PeerStartupAsync(options, section);
        section.Notes.Add("Start-up is from process start (`dotnet <host>.dll`, Release, fresh SQLite directory, so migrations run) " +
            "until Health/Check(\"\") is SERVING on every port of that host; polled every 10 ms.");
        section.Notes.Add("Load is Health/Check(\"\") from 16 callers over the host's ports (standard 30 s deadline, no token): it " +
            "exercises Kestrel and Grpc.AspNetCore, and, since health means something, every check also runs the service's readiness " +
            "checks (the host's lifetime and a `SELECT 1` on its SQLite database), so it is not a pure gRPC figure any more; peak RSS " +
            "is sampled every 100 ms.");
        return section;
    }

    private static async Task<(double Peak, double Rate)> UnderLoadAsync(HostProcess host, TimeSpan duration)
    {
        var peak = ProcessMemory.RssMiB(host.Pid);
        var clock = Stopwatch.StartNew();
        var load = host.HealthLoadAsync(16, duration);
        while (!load.IsCompleted)
        {
            peak = Math.Max(peak, ProcessMemory.RssMiB(host.Pid));
            await Task.WhenAny(load, Task.Delay(100));
        }

        return (peak, await load / clock.Elapsed.TotalSeconds);
    }

    private static async Task PeerStartupAsync(BenchOptions options, Section section)
    {
        var peers = new (string Name, string File, string Script)[]
        {
            ("peer: grpcio interop server", options.Python, Path.Combine(options.InteropDir, "python", "interop_server.py")),
            ("peer: grpc-js interop server", options.Node, Path.Combine(options.InteropDir, "node", "interop_server.js")),
        };
        foreach (var (name, file, script) in peers)
        {
            var clock = Stopwatch.StartNew();
            await using var server = await Rpc.ChildProcess.StartAsync(file, [script, "--port", "0"], TimeSpan.FromSeconds(60));
            var ms = clock.Elapsed.TotalMilliseconds;
            await Task.Delay(1000);
            var rest = ProcessMemory.RssMiB(server.Pid);
            section.Add(name, Section.Num(ms), Section.Num(rest), "—", "—");
            section.Data.Add(new JsonObject { ["host"] = name, ["startup_ms"] = Math.Round(ms, 1), ["rss_rest_mib"] = Math.Round(rest, 1) });
        }
    }
}
