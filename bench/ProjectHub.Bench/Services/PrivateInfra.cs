using System.Diagnostics;

namespace ProjectHub.Bench.Services;

/// <summary>
/// A throw-away PostgreSQL and/or RabbitMQ of this run, started with deploy/local/infra.sh in a private directory
/// under /tmp (private ports and data, reachable by the postgres user) and destroyed afterwards. A missing Debian
/// package or a failed start becomes <see cref="Unavailable"/>, which the figure reports instead of a number.
/// </summary>
public sealed class PrivateInfra : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "projecthub-bench-infra-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private bool _started;

    private PrivateInfra(string repoRoot) => _script = Path.Combine(repoRoot, "deploy", "local", "infra.sh");

    /// <summary>Why the service could not be started; null when it runs.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Connection string of a database on the private PostgreSQL (EnsureCreated creates it).</summary>
    public string PostgresConnectionString(string database) =>
        _settings["PROJECTHUB_PG"] + $";Database={database};Pooling=true;Maximum Pool Size=100;Timeout=15";

    public int RabbitMqPort => int.Parse(_settings["PROJECTHUB_RABBITMQ_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    public static Task<PrivateInfra> PostgresAsync(BenchOptions options) =>
        StartAsync(options, "start-postgres", "/usr/lib/postgresql/15/bin/pg_ctl", "postgresql");

    public static Task<PrivateInfra> RabbitMqAsync(BenchOptions options) =>
        StartAsync(options, "start-rabbitmq", "/usr/lib/rabbitmq/bin/rabbitmq-server", "rabbitmq-server");

    private static async Task<PrivateInfra> StartAsync(BenchOptions options, string command, string binary, string package)
    {
        var infra = new PrivateInfra(options.RepoRoot);
        if (!File.Exists(binary))
        {
            infra.Unavailable = $"not installed (Debian package {package}; ./test.sh installs it)";
            return infra;
        }

        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = await infra.RunAsync(command);
        if (code != 0)
        {
            infra.Unavailable = $"infra.sh {command} failed: {stderr.Trim().Split('\n').LastOrDefault()}";
            return infra;
        }

        infra._started = true;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith("PROJECTHUB_", StringComparison.Ordinal) && eq > 0)
            {
                infra._settings[line[..eq]] = line[(eq + 1)..];
            }
        }

        Console.Error.WriteLine($"  private {package} ready in {clock.Elapsed.TotalSeconds:0.0} s ({infra._directory})");
        return infra;
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_script);
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(_directory);
        start.ArgumentList.Add(command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, $"timed out after 3 minutes: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started || Directory.Exists(_directory))
        {
            var (code, _, stderr) = await RunAsync("destroy");
            if (code != 0)
            {
                Console.Error.WriteLine($"  infra.sh destroy failed ({_directory}): {stderr}");
            }
        }
    }
}
