using System.Text.Json;
using System.Text.Json.Nodes;
using ProjectHub.Bench.Report;

namespace ProjectHub.Bench.Rpc;

/// <summary>
/// Benchmark 1. Three TestService servers (ours — Grpc.AspNetCore hosted through ProjectHub.Hosting exactly as the
/// services are, see <see cref="TestServiceHost"/> — grpcio and grpc-js), each a child process, driven one at a time
/// by the same load generator (Grpc.Net.Client with the client defaults, see <see cref="UnaryLoad"/>). Then the
/// client side alone: our client vs grpcio's client (bench/peers/grpcio_load.py) against our server.
/// </summary>
public static class GrpcBenchmark
{
    /// <summary>Our server's row: Grpc.AspNetCore as the services host it (ProjectHub.Hosting).</summary>
    public const string OursName = "ours: Grpc.AspNetCore + ProjectHub.Hosting";

    public const string OurClientName = "ours: Grpc.Net.Client (C#)";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<Section> ServersAsync(BenchOptions options)
    {
        var section = new Section("grpc_servers", "1a. gRPC unary (EmptyCall) — servers, same load generator (Grpc.Net.Client)",
            "server", "concurrency", "calls/s", "p50 ms", "p99 ms", "errors", "ours ÷ this (calls/s)");
        // Ours first with server GC, as the service hosts run (Web SDK default); the last row is the same server
        // with workstation GC, because on 2 shared cores that is what moves its tail latency.
        var servers = new (string Name, string File, string[] Args, string ServerGc)[]
        {
            (OursName, "dotnet", [BenchOptions.SelfDll, "serve-test", "--port", "0"], "1"),
            ("grpcio (Python)", options.Python, [Path.Combine(options.InteropDir, "python", "interop_server.py"), "--port", "0"], "1"),
            ("grpc-js (Node)", options.Node, [Path.Combine(options.InteropDir, "node", "interop_server.js"), "--port", "0"], "1"),
            (OursName + ", workstation GC", "dotnet", [BenchOptions.SelfDll, "serve-test", "--port", "0"], "0"),
        };
        var results = new Dictionary<(string, int), LoadResult>();
        var loadBefore = Machine.LoadAverage();
        foreach (var (name, file, args, serverGc) in servers)
        {
            await using var server = await ChildProcess.StartAsync(file, args, StartTimeout,
                new Dictionary<string, string> { ["DOTNET_gcServer"] = serverGc });
            foreach (var concurrency in options.Concurrencies)
            {
                var result = await UnaryLoad.RunAsync(server.Port, concurrency, options.Warmup, options.Duration);
                results[(name, concurrency)] = result;
                Console.Error.WriteLine($"  {name} c={concurrency}: {result.CallsPerSecond:0}/s p50 {result.P50Ms:0.00} p99 {result.P99Ms:0.00}");
            }
        }

        var ours = servers[0].Name;
        foreach (var (name, _, _, _) in servers)
        {
            foreach (var c in options.Concurrencies)
            {
                var r = results[(name, c)];
                var ratio = results[(ours, c)].CallsPerSecond / r.CallsPerSecond;
                section.Add(name, c.ToString(System.Globalization.CultureInfo.InvariantCulture), Section.Num(r.CallsPerSecond),
                    Section.Ms(r.P50Ms), Section.Ms(r.P99Ms), r.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    name == ours ? "—" : Section.Num(ratio, "0.00") + "×");
                section.Data.Add(ToJson(r, name));
            }
        }

        var missed = false;
        foreach (var c in options.Concurrencies)
        {
            var ahead = servers[1..3].All(s => results[(ours, c)].CallsPerSecond > results[(s.Name, c)].CallsPerSecond);
            missed |= !ahead;
            section.Notes.Add($"Target — ours ahead of both peers at {c} concurrent: {Section.Verdict(ahead)}.");
        }

        var p99At16 = results[(ours, 16)].P99Ms;
        var p99At16Workstation = results[(servers[3].Name, 16)].P99Ms;
        missed |= p99At16 >= 5;
        section.Notes.Add($"Target — our p99 < 5 ms at 16 concurrent: {Section.Ms(p99At16)} ms with server GC, {Section.Verdict(p99At16 < 5)}; " +
            $"{Section.Ms(p99At16Workstation)} ms with workstation GC, {Section.Verdict(p99At16Workstation < 5)}.");
        if (missed)
        {
            // The why, from this run's own figures rather than a guess: how busy the machine was, and the GC row.
            section.Notes.Add($"Why targets are missed here: the 1-minute load average was {loadBefore} before and {Machine.LoadAverage()} " +
                "after these measurements, on 2 cores, so client and server wait for a core: p50 stays sub-millisecond and the tail is queueing. " +
                "A single caller (concurrency 1) has no other call to overlap a preemption with, so that row swings most between runs. " +
                $"Same server with workstation GC: {Section.Ms(p99At16Workstation)} ms p99 at 16 vs {Section.Ms(p99At16)} ms with server GC in this table; " +
                "when the two disagree in direction between tables, the GC mode is not what decides the tail here, the machine is. " +
                "Compare with a run on an idle machine before concluding anything about the stack itself.");
        }

        section.Notes.Add($"Ours is `{OursName}`: the services' own gRPC stack (defaults, error interceptor, request-message check, " +
            "authentication and authorization middleware, health, reflection), with the test service mapped without the caller policy, " +
            "so no token is needed, as with the grpcio and grpc-js peers (which have no auth).");
        section.Notes.Add("Load generator and server share the 2 cores, so every server's figure includes the same client cost; " +
            "the ratio column is what compares. 1b separates the client side.");
        return section;
    }

    public static async Task<Section> ClientsAsync(BenchOptions options)
    {
        var section = new Section("grpc_clients", "1b. gRPC unary (EmptyCall) — clients, against our server",
            "client", "concurrency", "calls/s", "p50 ms", "p99 ms", "errors", "ours ÷ grpcio (calls/s)");
        await using var server = await ChildProcess.StartAsync("dotnet", [BenchOptions.SelfDll, "serve-test", "--port", "0"], StartTimeout,
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
        foreach (var c in options.Concurrencies)
        {
            var ours = await UnaryLoad.RunAsync(server.Port, c, options.Warmup, options.Duration);
            var grpcio = await RunPythonLoadAsync(options, server.Port, c);
            var cs = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
            section.Add(OurClientName, cs, Section.Num(ours.CallsPerSecond), Section.Ms(ours.P50Ms), Section.Ms(ours.P99Ms),
                ours.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), Section.Num(ours.CallsPerSecond / grpcio.CallsPerSecond, "0.00") + "×");
            section.Add("grpcio aio (Python)", cs, Section.Num(grpcio.CallsPerSecond), Section.Ms(grpcio.P50Ms), Section.Ms(grpcio.P99Ms),
                grpcio.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), "—");
            section.Data.Add(ToJson(ours, "client:Grpc.Net.Client"));
            section.Data.Add(ToJson(grpcio, "client:grpcio"));
            Console.Error.WriteLine($"  clients c={c}: ours {ours.CallsPerSecond:0}/s grpcio {grpcio.CallsPerSecond:0}/s");
        }

        section.Notes.Add("Both clients run the same closed loop (one channel, N callers, warm-up discarded) against the same " +
            "server process (ours); grpcio sends raw bytes, so it does no protobuf work at all. Ours is Grpc.Net.Client as every ProjectHub " +
            "program sets it up (`Channels.For`, `WithDefaults`: every call carries the standard 30 s deadline); grpcio's calls have no deadline.");
        return section;
    }

    private static async Task<LoadResult> RunPythonLoadAsync(BenchOptions options, int port, int concurrency)
    {
        var script = Path.Combine(options.RepoRoot, "bench", "peers", "grpcio_load.py");
        var output = await Task.Run(() => Machine.Run(options.Python, script, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--warmup_s", options.Warmup.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--duration_s", options.Duration.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var json = JsonNode.Parse(output.Split('\n').Last()) ?? throw new InvalidOperationException($"grpcio_load.py printed: {output}");
        return new LoadResult(concurrency, json["calls"]!.GetValue<long>(), json["errors"]!.GetValue<long>(),
            json["seconds"]!.GetValue<double>(), json["p50_ms"]!.GetValue<double>(), json["p99_ms"]!.GetValue<double>());
    }

    private static JsonObject ToJson(LoadResult r, string subject) => new()
    {
        ["subject"] = subject,
        ["concurrency"] = r.Concurrency,
        ["calls"] = r.Calls,
        ["errors"] = r.Errors,
        ["seconds"] = Math.Round(r.Seconds, 3),
        ["calls_per_second"] = Math.Round(r.CallsPerSecond, 1),
        ["p50_ms"] = Math.Round(r.P50Ms, 3),
        ["p99_ms"] = Math.Round(r.P99Ms, 3),
    };
}
