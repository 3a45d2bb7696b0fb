using System.Diagnostics;
using ProjectHub.Bench.Interop;
using ProjectHub.ClientDefaults;

namespace ProjectHub.Bench.Rpc;

/// <summary>
/// The load generator for benchmark 1: Grpc.Net.Client, the client every ProjectHub program uses, set up the way they
/// set it up — one channel from <see cref="Channels.For"/> (HTTP/2 multiplexes every caller on one connection, as
/// grpcio and grpc-js clients do by default) and the generated TestService client over
/// <see cref="Channels.WithDefaults"/>, so every call carries the standard deadline — calling
/// grpc.testing.TestService/EmptyCall in a closed loop. No token: the three TestService servers have no auth.
/// Warm-up calls are made and discarded first so JIT and connection set-up are not measured.
/// </summary>
public static class UnaryLoad
{
    public static async Task<LoadResult> RunAsync(int port, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        using var channel = Channels.For($"http://127.0.0.1:{port}", TestService.Descriptor);
        var client = new TestService.TestServiceClient(channel.WithDefaults());
        await LoopAsync(client, concurrency, warmup, record: false);
        var started = Stopwatch.GetTimestamp();
        var (latencies, errors) = await LoopAsync(client, concurrency, duration, record: true);
        return LoadResult.From(concurrency, latencies, errors, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task<(List<double> Latencies, long Errors)> LoopAsync(
        TestService.TestServiceClient client, int concurrency, TimeSpan duration, bool record)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(64 * 1024);
            long errors = 0;
            var request = new Empty();
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await client.EmptyCallAsync(request);
                    if (record)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                }
                catch (RpcException)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        })).ToArray();
        var results = await Task.WhenAll(workers);
        return (results.SelectMany(r => r.latencies).ToList(), results.Sum(r => r.errors));
    }
}
