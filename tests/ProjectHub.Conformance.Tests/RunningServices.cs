using System.Globalization;
using Microsoft.AspNetCore.Builder;
using ProjectHub.Embedded;
using ProjectHub.Hosting;
using ProjectHub.Testing;

namespace ProjectHub.Conformance.Tests;

/// <summary>The embedded default's three services, on free ports with their own SQLite files, for the whole class.</summary>
public sealed class RunningServices : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("projecthub-conformance-").FullName;
    private List<WebApplication> _apps = [];

    public int RegistryPort { get; } = FreePort.Next();

    public int ApprovalPort { get; } = FreePort.Next();

    public int EscalationPort { get; } = FreePort.Next();

    public static string Address(int port) => $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    public async Task InitializeAsync()
    {
        _apps = await EmbeddedSystem.BuildServicesAsync([], new Dictionary<string, string?>
        {
            ["Services:Registry:Port"] = RegistryPort.ToString(CultureInfo.InvariantCulture),
            ["Services:Approval:Port"] = ApprovalPort.ToString(CultureInfo.InvariantCulture),
            ["Services:Escalation:Port"] = EscalationPort.ToString(CultureInfo.InvariantCulture),
            ["Database:Directory"] = _directory,
            ["Logging:LogLevel:Default"] = "Warning",
        }, environmentName: "Testing");
        foreach (var app in _apps)
        {
            await app.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
