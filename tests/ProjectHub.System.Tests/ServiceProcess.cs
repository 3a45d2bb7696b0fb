using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ProjectHub.ClientDefaults;

namespace ProjectHub.System.Tests;

/// <summary>
/// One service host (ProjectHub.Registry.dll, …) as a real child process with fixed settings, so it can be killed
/// and started again on the same port, database and virtual host. Its output is kept for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _name;
    private readonly IReadOnlyList<string> _settings;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <param name="environment">Variables read only from the environment, such as OTEL_BSP_SCHEDULE_DELAY.</param>
    /// <param name="api">The service's gRPC API, for the client defaults' read retries.</param>
    public ServiceProcess(
        string name, int port, IReadOnlyList<string> settings, IReadOnlyDictionary<string, string>? environment = null, ServiceDescriptor? api = null)
    {
        _name = name;
        Port = port;
        _settings = settings;
        _environment = environment ?? new Dictionary<string, string>();
        Channel = api is null ? Channels.For($"http://127.0.0.1:{port}") : Channels.For($"http://127.0.0.1:{port}", api);
        Calls = Channel.WithDefaults();
    }

    public int Port { get; }

    /// <summary>One channel for the test run; it reconnects by itself after a restart.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>
    /// The channel as every ProjectHub client calls (libs/ProjectHub.ClientDefaults): a deadline on every unary call
    /// that sets none; the caller's token comes with each call's options.
    /// </summary>
    public CallInvoker Calls { get; }

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
        start.ArgumentList.Add(HostDll(_name));
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
                // "" is the whole server: SERVING once the host has started and its database and broker answer.
                var response = await new Health.HealthClient(Channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
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

    /// <summary>The host beside the tests: the project references copy each host and its runtime settings here.</summary>
    private static string HostDll(string name) => Path.Combine(AppContext.BaseDirectory, $"ProjectHub.{name}.dll");

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
