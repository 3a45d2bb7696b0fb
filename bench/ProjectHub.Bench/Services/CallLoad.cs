using System.Diagnostics;
using ProjectHub.Bench.Rpc;

namespace ProjectHub.Bench.Services;

/// <summary>
/// The closed loop of <see cref="UnaryLoad"/> for any service call: N callers, each starting its next call when the
/// last returns, warm-up discarded. A failed call is counted, not timed; the first failure's message is kept.
/// </summary>
public static class CallLoad
{
    public static async Task<(LoadResult Result, string? FirstError)> RunAsync(
        int concurrency, TimeSpan warmup, TimeSpan duration, Func<Task> call)
    {
        await LoopAsync(concurrency, warmup, call, record: false);
        var started = Stopwatch.GetTimestamp();
        var (latencies, errors, first) = await LoopAsync(concurrency, duration, call, record: true);
        return (LoadResult.From(concurrency, latencies, errors, Stopwatch.GetElapsedTime(started).TotalSeconds), first);
    }

    private static async Task<(List<double> Latencies, long Errors, string? FirstError)> LoopAsync(
        int concurrency, TimeSpan duration, Func<Task> call, bool record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        string? firstError = null;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(16 * 1024);
            long errors = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    if (record)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                }
                catch (RpcException ex)
                {
                    errors++;
                    Interlocked.CompareExchange(ref firstError, $"{ex.StatusCode}: {ex.Message}", null);
                }
            }

            return (latencies, errors);
        })).ToArray();
        var results = await Task.WhenAll(workers);
        return (results.SelectMany(r => r.latencies).ToList(), results.Sum(r => r.errors), firstError);
    }

    /// <summary>Samples a process's resident memory every 100 ms until <paramref name="work"/> ends; returns the peak MiB.</summary>
    public static async Task<double> PeakRssDuringAsync(int pid, Task work)
    {
        var peak = ProcessMemory.RssMiB(pid);
        while (!work.IsCompleted)
        {
            peak = Math.Max(peak, ProcessMemory.RssMiB(pid));
            await Task.WhenAny(work, Task.Delay(100));
        }

        await work;
        return peak;
    }
}
