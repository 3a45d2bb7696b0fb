namespace ProjectHub.Bench.Rpc;

/// <summary>One closed-loop run: <see cref="Concurrency"/> callers, each starting its next call when the last returns.</summary>
public sealed record LoadResult(int Concurrency, long Calls, long Errors, double Seconds, double P50Ms, double P99Ms)
{
    public double CallsPerSecond => Calls / Seconds;

    public static LoadResult From(int concurrency, List<double> latenciesMs, long errors, double seconds)
    {
        latenciesMs.Sort();
        return new LoadResult(concurrency, latenciesMs.Count, errors, seconds, Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted values (NaN when empty).</summary>
    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
