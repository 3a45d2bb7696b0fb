using System.Diagnostics;
using System.Text;

namespace ProjectHub.Bench.Rpc;

/// <summary>
/// A server started as a child process with stdin as its lifeline, that announces `LISTENING port` on stdout
/// (the interop peers' contract). Stderr, and stdout after that line (our server's console log), are drained so
/// neither pipe ever fills and blocks the server.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private Task? _stdoutDrain;

    private ChildProcess(Process process) => _process = process;

    public int Port { get; private set; }

    public int Pid => _process.Id;

    public static async Task<ChildProcess> StartAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var child = new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}"));
        child._process.ErrorDataReceived += (_, e) =>
        {
            lock (child._stderr)
            {
                child._stderr.AppendLine(e.Data);
            }
        };
        child._process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await child._process.StandardOutput.ReadLineAsync(cancel.Token)
                ?? throw new InvalidOperationException($"{fileName} exited before LISTENING: {child.Stderr}");
            if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
            {
                child.Port = int.Parse(line["LISTENING ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                child._stdoutDrain = Task.Run(() => child._process.StandardOutput.ReadToEndAsync());
                return child;
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(wait.Token);
            if (_stdoutDrain is not null)
            {
                await _stdoutDrain.WaitAsync(wait.Token);
            }
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
