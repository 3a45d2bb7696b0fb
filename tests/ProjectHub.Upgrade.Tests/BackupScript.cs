using System.Diagnostics;
using ProjectHub.Testing;

namespace ProjectHub.Upgrade.Tests;

/// <summary>deploy/local/backup.sh, run as an operator runs it (a separate process, arguments and environment only).</summary>
public static class BackupScript
{
    public const string PostgresBin = "/usr/lib/postgresql/15/bin";
    public const string Python = "/usr/bin/python3";

    private static readonly string[] PostgresClient = ["pg_dump", "pg_restore", "psql"];

    public static string Path { get; } = System.IO.Path.Combine(ChildProcess.RepoRoot, "deploy", "local", "backup.sh");

    /// <summary>Fails (never skips) naming the missing PostgreSQL client tool and its Debian package.</summary>
    public static void RequirePostgresClient()
    {
        var missing = PostgresClient
            .Select(tool => System.IO.Path.Combine(PostgresBin, tool))
            .Where(path => !File.Exists(path))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(", ", missing)} not found: backup.sh needs Debian's PostgreSQL 15 client. " +
                "Run ./test.sh (it installs it) or: apt-get install -y --no-install-recommends postgresql");
        }
    }

    /// <summary>Fails (never skips) when Debian's python3, whose sqlite3 module runs VACUUM INTO, is missing.</summary>
    public static void RequirePython()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException(
                $"{Python} not found: backup.sh runs SQLite's VACUUM INTO through its sqlite3 module. " +
                "Run ./test.sh (it installs it) or: apt-get install -y --no-install-recommends python3");
        }
    }

    /// <summary>Runs backup.sh with <paramref name="arguments"/>; throws with its output unless it exits 0.</summary>
    public static async Task<string> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = await TryRunAsync(environment, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"backup.sh {string.Join(' ', arguments)} failed (exit {result.ExitCode}):\n{result.Stderr}\n{result.Stdout}");
        }

        return result.Stderr;
    }

    public static async Task<ProcessResult> TryRunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash");
        start.ArgumentList.Add(Path);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The tools the tests checked for, whatever a developer's PATH or pyenv would pick.
        start.Environment["PROJECTHUB_PYTHON"] = Python;
        start.Environment["PROJECTHUB_PG_BIN"] = PostgresBin;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2));
    }
}
