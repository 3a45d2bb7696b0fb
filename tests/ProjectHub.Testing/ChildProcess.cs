using System.Diagnostics;

namespace ProjectHub.Testing;

/// <summary>What a child process printed, and how it ended.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the tools the tests drive (infra.sh, backup.sh, psql, the interop peers) as separate processes, the way an
/// operator runs them, and finds the repository they live in.
/// </summary>
public static class ChildProcess
{
    /// <summary>The checkout the tests were built from: the folder holding ProjectHub.sln above the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// Runs <paramref name="start"/> to its end with both outputs drained at once (so neither pipe ever fills and
    /// blocks it); a redirected stdin is closed first, so a tool waiting for input sees EOF. Past
    /// <paramref name="timeout"/> the process and its children are killed and a <see cref="TimeoutException"/> says
    /// what printed on stderr.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");
        if (start.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{Path.GetFileName(start.FileName)} {string.Join(' ', start.ArgumentList)} did not finish in {timeout.TotalSeconds:0} s: {await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProjectHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ProjectHub.sln above {AppContext.BaseDirectory}.");
    }
}
