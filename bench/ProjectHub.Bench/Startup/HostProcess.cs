using System.Diagnostics;
using Grpc.Health.V1;
using ProjectHub.Bench.Services;
using ProjectHub.ClientDefaults;

namespace ProjectHub.Bench.Startup;

/// <summary>
/// A service host (embedded or standalone) as a child process on free ports with a throw-away SQLite directory,
/// timed from process start until every port answers Health/Check("") SERVING — which since the standard stack
/// also means the service's database (and, on RabbitMQ, its broker) answers: "" is NOT_SERVING while either is away.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;
    private readonly bool _ownsData;
    private readonly Queue<string> _lastLines = new();

    private HostProcess(Process process, string data, bool ownsData, int[] ports)
    {
        _process = process;
        _data = data;
        _ownsData = ownsData;
        Ports = ports;
    }

    public int[] Ports { get; }

    public int Pid => _process.Id;

    /// <param name="portSettings">One setting name per port, e.g. Services:Registry:Port.</param>
    /// <param name="dataDirectory">An existing SQLite directory (a seeded database), kept afterwards; default a fresh one, deleted.</param>
    /// <param name="httpPortSettings">Non-gRPC listeners (the embedded web board) also put on free ports, not health-checked.</param>
    public static HostProcess Start(string dll, IReadOnlyList<string> portSettings, IEnumerable<string>? extraArgs = null, string? dataDirectory = null,
        IReadOnlyList<string>? httpPortSettings = null)
    {
        var ports = portSettings.Select(_ => FreePort()).ToArray();
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("projecthub-bench-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = data,
        };
        start.ArgumentList.Add(dll);
        for (var i = 0; i < ports.Length; i++)
        {
            start.ArgumentList.Add($"--{portSettings[i]}={ports[i]}");
        }

        foreach (var setting in httpPortSettings ?? [])
        {
            start.ArgumentList.Add($"--{setting}={FreePort()}");
        }

        start.ArgumentList.Add($"--Database:Directory={data}");
        // Every RPC but health needs a bearer token (issue #7); the driver mints development tokens, so every host
        // trusts the public development key. Standalone hosts would otherwise refuse to start without Jwt settings.
        start.ArgumentList.Add("--Auth:Mode=Development");
        foreach (var arg in extraArgs ?? [])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {dll}");
        var host = new HostProcess(process, data, dataDirectory is null, ports);
        // Drain output so a chatty logger never blocks the host on a full pipe; the last lines explain a failed start.
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The host's last lines of output (for error messages).</summary>
    public string LastOutput
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 30)
            {
                _lastLines.Dequeue();
            }
        }
    }

    /// <summary>Polls every port every 10 ms (each check with a 1 s deadline); returns when all are SERVING.</summary>
    public async Task WaitServingAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var port in Ports)
        {
            using var channel = BenchCaller.Channel(port, Health.Descriptor);
            var health = new Health.HealthClient(channel.WithDefaults());
            var last = "no answer";
            while (true)
            {
                if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
                {
                    // NOT_SERVING from a listening host means a failing readiness check: its database or its broker.
                    throw new InvalidOperationException(
                        $"host did not become SERVING on {port} (exited: {_process.HasExited}; last health answer: {last}):\n{LastOutput}");
                }

                try
                {
                    var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(1));
                    if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                    {
                        break;
                    }

                    last = reply.Status.ToString();
                }
                catch (RpcException ex)
                {
                    // Not listening yet.
                    last = ex.StatusCode.ToString();
                }

                await Task.Delay(10);
            }
        }
    }

    /// <summary>Health checks on every port from <paramref name="concurrency"/> callers; returns calls made.</summary>
    public async Task<long> HealthLoadAsync(int concurrency, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var channels = Ports.Select(p => BenchCaller.Channel(p, Health.Descriptor)).ToArray();
        var clients = channels.Select(c => new Health.HealthClient(c.WithDefaults())).ToArray();
        try
        {
            var calls = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
            {
                long n = 0;
                var client = clients[i % clients.Length];
                while (Stopwatch.GetTimestamp() < end)
                {
                    await client.CheckAsync(new HealthCheckRequest());
                    n++;
                }

                return n;
            })));
            return calls.Sum();
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!_ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS eventually.
        }
    }

    private static int FreePort() => ProjectHub.Testing.FreePort.Next();
}
