using System.Diagnostics;

namespace ProjectHub.Testing;

/// <summary>
/// Starts a private RabbitMQ and PostgreSQL through deploy/local/infra.sh and removes them (processes and data)
/// afterwards; the fault tests stop and start either on demand. Missing Debian packages fail every test that uses it
/// with the package to install.
/// </summary>
public class PrivateInfrastructure
{
    private const string PgCtl = "/usr/lib/postgresql/15/bin/pg_ctl";
    private const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "projecthub-infra-" + Guid.NewGuid().ToString("N")[..8]);
    private string _script = "";
    private Dictionary<string, string> _settings = new();

    public int RabbitMqPort => int.Parse(_settings["PROJECTHUB_RABBITMQ_PORT"], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Connection string of a database of its own (EnsureCreated creates it).</summary>
    public string PostgresConnectionString(string database) =>
        _settings["PROJECTHUB_PG"] + $";Database={database};Pooling=true;Timeout=15";

    /// <summary>
    /// False for tests that need PostgreSQL alone: fewer RabbitMQ nodes starting at once on a small machine (each test
    /// project runs in its own process, in parallel with the others).
    /// </summary>
    protected virtual bool NeedsRabbitMq => true;

    public async Task InitializeAsync()
    {
        var missing = new List<string>();
        if (!File.Exists(PgCtl))
        {
            missing.Add($"postgresql ({PgCtl} not found)");
        }

        if (NeedsRabbitMq && !File.Exists(RabbitMqServer))
        {
            missing.Add($"rabbitmq-server ({RabbitMqServer} not found)");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "These tests need the Debian packages " + string.Join(" and ", missing) +
                ". Run ./test.sh (it installs them) or: apt-get install -y --no-install-recommends rabbitmq-server postgresql");
        }

        _script = Path.Combine(ChildProcess.RepoRoot, "deploy", "local", "infra.sh");
        var output = await RunAsync(NeedsRabbitMq ? "start" : "start-postgres");
        _settings = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("PROJECTHUB_", StringComparison.Ordinal) && line.Contains('='))
            .ToDictionary(line => line[..line.IndexOf('=')], line => line[(line.IndexOf('=') + 1)..]);
    }

    public async Task DisposeAsync() => await RunAsync("destroy");

    public Task StopRabbitMqAsync() => RunAsync("stop-rabbitmq");

    public Task StartRabbitMqAsync() => RunAsync("start-rabbitmq");

    public Task StopPostgresAsync() => RunAsync("stop-postgres");

    public Task StartPostgresAsync() => RunAsync("start-postgres");

    /// <summary>A RabbitMQ virtual host per test keeps queues and bindings of one test away from the others.</summary>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await RunAsync("add-vhost", name);
        return name;
    }

    /// <summary>rabbitmqctl against the private node; returns its standard output.</summary>
    public Task<string> RabbitMqCtlAsync(params string[] arguments) => RunAsync(["rabbitmqctl", .. arguments]);

    private async Task<string> RunAsync(params string[] command)
    {
        var start = new ProcessStartInfo("bash");
        start.ArgumentList.Add(_script);
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(_directory);
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        var result = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"infra.sh {string.Join(' ', command)} failed (exit {result.ExitCode}):\n{result.Stderr}\n{result.Stdout}");
        }

        return result.Stdout;
    }
}
