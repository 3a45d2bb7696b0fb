using ProjectHub.Bench;
using ProjectHub.Bench.Rpc;
using ProjectHub.Bench.Lights;
using ProjectHub.Bench.Report;
using ProjectHub.Bench.Startup;

// Entry points: `run [--quick] --repo DIR` (what bench/run.sh calls), and the child roles the run starts:
// `serve-test --port N` (our TestService) and `lights --count N` (one light-evaluation run), and
// `load --port N [--concurrency C] [--seconds S]` (one closed-loop EmptyCall measurement, for digging into a figure).
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "serve-test":
        return await TestServiceHost.RunAsync(int.Parse(Arg("--port", "0"), System.Globalization.CultureInfo.InvariantCulture));
    case "lights":
        return LightsBenchmark.RunChild(int.Parse(Arg("--count", "100000"), System.Globalization.CultureInfo.InvariantCulture));
    case "load":
        // One closed-loop measurement against any TestService port, for investigating a figure by hand.
        var r = await UnaryLoad.RunAsync(int.Parse(Arg("--port", "0"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Arg("--concurrency", "16"), System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "10"), System.Globalization.CultureInfo.InvariantCulture)));
        Console.WriteLine($"{r.CallsPerSecond:0} calls/s p50 {r.P50Ms:0.00} ms p99 {r.P99Ms:0.00} ms errors {r.Errors}");
        return 0;
    case "run":
        var options = new BenchOptions(
            Quick: args.Contains("--quick"),
            RepoRoot: Path.GetFullPath(Arg("--repo", ".")),
            Python: Environment.GetEnvironmentVariable("PROJECTHUB_PYTHON") ?? "/usr/bin/python3",
            Node: Environment.GetEnvironmentVariable("PROJECTHUB_NODE") ?? "node",
            Configuration: Arg("--configuration", "Release"));
        // --results DIR: where latest.* and the dated copy go (a scratch folder for a validation run on a busy machine).
        return await BenchRun.RunAsync(options, Arg("--only", "all"),
            Path.GetFullPath(Arg("--results", Path.Combine(options.RepoRoot, "bench", "results"))));
    default:
        Console.Error.WriteLine($"usage: ProjectHub.Bench run [--quick] --repo DIR [--only {string.Join('|', BenchRun.Figures)}]   (see bench/README.md)");
        return 2;
}
