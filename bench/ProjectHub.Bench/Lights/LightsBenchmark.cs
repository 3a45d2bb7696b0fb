using System.Diagnostics;
using System.Text.Json.Nodes;
using ProjectHub.Bench.Report;
using ProjectHub.Registry.Domain.Lights;

namespace ProjectHub.Bench.Lights;

/// <summary>
/// Benchmark 3: the daily sweep's domain work, <see cref="LightEvaluator"/> over 100,000 projects, in a child
/// process of its own (`lights`) so its peak resident memory is its alone.
/// </summary>
public static class LightsBenchmark
{
    public const int Projects = 100_000;

    /// <summary>The child: build the inputs, evaluate them all, print one JSON line.</summary>
    public static int RunChild(int count)
    {
        var build = Stopwatch.StartNew();
        var inputs = LightsWorkload.Create(count);
        build.Stop();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var evaluate = Stopwatch.StartNew();
        var counts = new LightCounts(0, 0, 0);
        var reasons = 0;
        foreach (var input in inputs)
        {
            var assessment = LightEvaluator.Evaluate(input, LightRules.Default, LightsWorkload.Today);
            counts = counts.Add(assessment.Light);
            reasons += assessment.Reasons.Count;
        }

        evaluate.Stop();
        var json = new JsonObject
        {
            ["projects"] = count,
            ["build_inputs_s"] = build.Elapsed.TotalSeconds,
            ["evaluate_s"] = evaluate.Elapsed.TotalSeconds,
            ["allocated_mib_during_evaluation"] = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0,
            ["peak_rss_mib"] = ProcessMemory.PeakRssMiB(Environment.ProcessId),
            ["red"] = counts.Red,
            ["yellow"] = counts.Yellow,
            ["green"] = counts.Green,
            ["unlit"] = counts.Unlit,
            ["reasons"] = reasons,
        };
        Console.WriteLine(json.ToJsonString());
        return 0;
    }

    public static Section Run(BenchOptions options)
    {
        var section = new Section("lights", "3. Light evaluation, 100,000 projects (pure LightEvaluator, the sweep's domain work)",
            "run", "evaluate s", "build inputs s", "allocated MiB", "peak RSS MiB", "red/yellow/green/unlit", "target");
        var runs = options.Quick ? 1 : 3;
        for (var i = 1; i <= runs; i++)
        {
            var output = Machine.Run("dotnet", BenchOptions.SelfDll, "lights", "--count", Projects.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var r = JsonNode.Parse(output.Split('\n').Last())!.AsObject();
            var seconds = r["evaluate_s"]!.GetValue<double>();
            var rss = r["peak_rss_mib"]!.GetValue<double>();
            section.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Section.Num(seconds, "0.000"),
                Section.Num(r["build_inputs_s"]!.GetValue<double>(), "0.000"), Section.Num(r["allocated_mib_during_evaluation"]!.GetValue<double>(), "0"),
                Section.Num(rss, "0"), $"{r["red"]}/{r["yellow"]}/{r["green"]}/{r["unlit"]}",
                $"< 5 s: {Section.Verdict(seconds < 5)}; < 500 MiB: {Section.Verdict(rss < 500)} ({Section.Num(seconds / 5, "0.000")}× and {Section.Num(rss / 500, "0.00")}× of target)");
            section.Data.Add(r);
        }

        section.Notes.Add("Evaluation only, in a fresh process (first call includes JIT). Peak RSS is the whole process, inputs for all " +
            "100,000 projects included. The service's sweep over a seeded database (loading rows, writing changes) is figure 3b.");
        section.Notes.Add("No peer implements these rules, so the ratio is against the target.");
        return section;
    }
}
