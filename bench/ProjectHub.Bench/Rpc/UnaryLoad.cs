using System.Diagnostics;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Bench.Rpc;

/// <summary>
/// The load generator for benchmark 1: ProjectHub's client on one channel (HTTP/2 multiplexes every caller on
/// one connection, as grpcio and grpc-js clients do by default), calling grpc.testing.TestService/EmptyCall in a
/// closed loop. Warm-up calls are made and discarded first so JIT and connection set-up are not measured.
/// </summary>
public static class UnaryLoad
{
    private static readonly Method<Empty, Empty> EmptyCall =
        Method<Empty, Empty>.Create(TestReflection.Descriptor.Services[0], "EmptyCall", MethodType.Unary);

    public static async Task<LoadResult> RunAsync(int port, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        await LoopAsync(channel, concurrency, warmup, record: false);
        var started = Stopwatch.GetTimestamp();
        var (latencies, errors) = await LoopAsync(channel, concurrency, duration, record: true);
        return LoadResult.From(concurrency, latencies, errors, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task<(List<double> Latencies, long Errors)> LoopAsync(
        GrpcChannel channel, int concurrency, TimeSpan duration, bool record)
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
                    await channel.UnaryCall(EmptyCall, request);
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
