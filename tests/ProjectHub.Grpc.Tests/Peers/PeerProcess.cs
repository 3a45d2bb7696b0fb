using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ProjectHub.Grpc.Tests.Peers;

/// <summary>
/// A peer server process (tests/interop CLI contract): started with `--port 0`, stdin a pipe (its lifeline: the
/// server stops on EOF, so a crashed test host cannot leak it), ready once stdout says `LISTENING &lt;port&gt;`.
/// stdout and stderr are drained continuously so a chatty peer never blocks on a full pipe.
/// </summary>
public sealed partial class PeerServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerServer(Process process, string description)
    {
        _process = process;
        Description = description;
    }

    public string Description { get; }

    public int Port { get; private set; }

    /// <summary>Everything the server printed so far (stdout and stderr, interleaved as received).</summary>
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

    public static async Task<PeerServer> StartAsync(string fileName, IEnumerable<string> arguments, TimeSpan? readyTimeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments.Concat(["--port", "0"]))
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new PeerServer(process, $"{fileName} {string.Join(' ', info.ArgumentList)}");
        process.OutputDataReceived += (_, e) => server.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append("stderr", e.Data);
        process.Exited += (_, _) => server._listening.TrySetException(
            new InvalidOperationException($"exited with code {process.ExitCode} before printing LISTENING <port>"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timeout = readyTimeout ?? TimeSpan.FromSeconds(20);
        try
        {
            server.Port = await server._listening.Task.WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            var reason = ex is TimeoutException ? $"did not print LISTENING <port> within {timeout.TotalSeconds:0} s" : ex.Message;
            await server.DisposeAsync();
            throw new InvalidOperationException($"Peer server `{server.Description}` {reason}. Its output:\n{server.Output}", ex);
        }

        return server;
    }

    private void OnStdout(string? line)
    {
        Append("stdout", line);
        if (line is not null && ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void Append(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(stream).Append(": ").AppendLine(line);
        }
    }

    /// <summary>Closes stdin (the peer stops on EOF), waits a little, and kills it if it is still there.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!HasExited())
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The pipe is already broken: the process is on its way out, which is what closing wanted.
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            // Never started.
            return true;
        }
    }

    [GeneratedRegex(@"^LISTENING (\d+)$")]
    private static partial Regex ListeningLine();
}

/// <summary>The outcome of a peer client run.</summary>
public sealed record PeerClientResult(string Command, int ExitCode, bool TimedOut, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>Fails the test unless the client exited 0, showing everything it printed.</summary>
    public void AssertPassed()
    {
        if (ExitCode != 0 || TimedOut)
        {
            var how = TimedOut ? "timed out and was killed" : $"exited with {ExitCode}";
            Assert.Fail($"`{Command}` {how} after {Elapsed.TotalSeconds:0.0} s.\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}");
        }
    }
}

/// <summary>Runs a peer client (or any short command) to completion with a timeout, capturing its output.</summary>
public static class PeerClient
{
    public static async Task<PeerClientResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var command = $"{fileName} {string.Join(' ', info.ArgumentList)}";
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start `{command}`.");
        // Clients read nothing; EOF at once.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        return new PeerClientResult(command, process.ExitCode, timedOut, await stdout, await stderr, Stopwatch.GetElapsedTime(started));
    }
}
