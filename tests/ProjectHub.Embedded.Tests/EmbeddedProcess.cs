using System.Diagnostics;
using System.Text;

namespace ProjectHub.Embedded.Tests;

/// <summary>The embedded host as a real child process on free ports with a throw-away data directory.</summary>
public sealed class EmbeddedProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EmbeddedProcess(Process process, int[] ports, string dataDirectory)
    {
        _process = process;
        Ports = ports;
        DataDirectory = dataDirectory;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Registry, approval, escalation (gRPC), board (HTTP).</summary>
    public int[] Ports { get; }

    public string DataDirectory { get; }

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

    public bool HasExited => _process.HasExited;

    public static EmbeddedProcess Start()
    {
        var ports = new[] { FreePort(), FreePort(), FreePort(), FreePort() };
        var data = Directory.CreateTempSubdirectory("projecthub-embedded-").FullName;
        var host = Path.Combine(AppContext.BaseDirectory, "ProjectHub.Embedded.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                host,
                $"--Services:Registry:Port={ports[0]}",
                $"--Services:Approval:Port={ports[1]}",
                $"--Services:Escalation:Port={ports[2]}",
                $"--Services:Board:Port={ports[3]}",
                $"--Database:Directory={data}",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = data,
        };
        return new EmbeddedProcess(Process.Start(start)!, ports, data);
    }

    /// <summary>SIGTERM, as Ctrl+C or a container stop would send; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
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

    private static int FreePort() => ProjectHub.Testing.FreePort.Next();
}
