using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Health.V1;

namespace ProjectHub.System.Tests;

/// <summary>
/// One service host (ProjectHub.Registry.dll, …) as a real child process with fixed settings, so it can be killed
/// and started again on the same port, database and virtual host. Its output is kept for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.Create(HealthReflection.Descriptor.Services[0], "Check", MethodType.Unary);

    private readonly string _name;
    private readonly IReadOnlyList<string> _settings;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <param name="environment">Variables read only from the environment, such as OTEL_BSP_SCHEDULE_DELAY.</param>
    public ServiceProcess(string name, int port, IReadOnlyList<string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        _name = name;
        Port = port;
        _settings = settings;
        _environment = environment ?? new Dictionary<string, string>();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    /// <summary>One channel for the test run; it reconnects by itself after a restart.</summary>
    public GrpcChannel Channel { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the process and waits until its health check answers SERVING.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"ProjectHub.{_name}.dll"));
        start.ArgumentList.Add($"--Services:{_name}:Port={Port}");
        foreach (var setting in _settings)
        {
            start.ArgumentList.Add(setting);
        }

        foreach (var (variable, value) in _environment)
        {
            start.Environment[variable] = value;
        }

        Append($"===== start {_name} on {Port} =====");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitServingAsync();
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — the crash the outbox and inbox must survive.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", ["-KILL", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync();
            Append($"===== killed {_name} (exit {process.ExitCode}) =====");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        Channel.Dispose();
    }

    private async Task WaitServingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited during start (exit {_process.ExitCode}):\n{Output}");
            }

            try
            {
                var response = await Channel.UnaryCall(Check, new HealthCheckRequest(), new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(2)));
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_name} not SERVING within 60 s:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
