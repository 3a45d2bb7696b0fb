using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;

namespace ProjectHub.Bench.Startup;

/// <summary>
/// A service host (embedded or standalone) as a child process on free ports with a throw-away SQLite directory,
/// timed from process start until every port answers Health/Check("") SERVING.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.Create(HealthReflection.Descriptor.Services[0], "Check", MethodType.Unary);

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

    /// <summary>Polls every port every 10 ms; returns when all are SERVING.</summary>
    public async Task WaitServingAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var port in Ports)
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            while (true)
            {
                if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
                {
                    throw new InvalidOperationException($"host did not become SERVING on {port} (exited: {_process.HasExited}):\n{LastOutput}");
                }

                try
                {
                    var reply = await channel.UnaryCall(Check, new HealthCheckRequest(),
                        new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(1)));
                    if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                    {
                        break;
                    }
                }
                catch (RpcException)
                {
                    // Not listening yet.
                }

                await Task.Delay(10);
            }
        }
    }

    /// <summary>Health checks on every port from <paramref name="concurrency"/> callers; returns calls made.</summary>
    public async Task<long> HealthLoadAsync(int concurrency, TimeSpan duration)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var channels = Ports.Select(p => GrpcChannel.ForAddress($"http://127.0.0.1:{p}")).ToArray();
        try
        {
            var calls = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
            {
                long n = 0;
                var channel = channels[i % channels.Length];
                while (Stopwatch.GetTimestamp() < end)
                {
                    await channel.UnaryCall(Check, new HealthCheckRequest());
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
