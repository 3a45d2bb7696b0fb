using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectHub.Embedded;
using ProjectHub.Escalation;
using ProjectHub.Testing;

namespace ProjectHub.Cli.Tests;

/// <summary>
/// The three services built exactly as the embedded host builds them (<see cref="EmbeddedSystem.BuildServicesAsync"/>:
/// three web applications joined by one in-process bus group, so a registered project reaches escalation), on free
/// ports with SQLite in a temp directory and a clock fixed at Monday 2026-03-02 10:00 Shanghai. Shared by every test
/// class (one collection), so tests use their own project names.
/// </summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private List<WebApplication> _apps = [];
    private readonly List<WebApplication> _started = [];
    private string _directory = "";

    public FakeTimeProvider Clock { get; } = new(Start);
    public int RegistryPort { get; } = FreePort.Next();
    public int ApprovalPort { get; } = FreePort.Next();
    public int EscalationPort { get; } = FreePort.Next();

    /// <summary>The endpoint flags every test passes unless it is testing where endpoints come from.</summary>
    public string[] Endpoints =>
    [
        "--registry", $"127.0.0.1:{RegistryPort}", "--approval", $"127.0.0.1:{ApprovalPort}", "--escalation", $"127.0.0.1:{EscalationPort}",
    ];

    /// <summary>The escalation service's application (its database tells when it has learnt a project).</summary>
    private WebApplication Escalation => _apps[EmbeddedSystem.Services.ToList().IndexOf(EscalationServiceRegistration.Module)];

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("projecthub-cli-tests-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Services:Registry:Port"] = RegistryPort.ToString(CultureInfo.InvariantCulture),
            ["Services:Approval:Port"] = ApprovalPort.ToString(CultureInfo.InvariantCulture),
            ["Services:Escalation:Port"] = EscalationPort.ToString(CultureInfo.InvariantCulture),
            ["Database:Directory"] = _directory,
            ["Registry:DailySweep"] = "false",
            ["Escalation:Sweep:Enabled"] = "false",
            ["Escalation:Alerts:PollSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
            // The CLI runs with development tokens (TestTokens, dev-token), as against the embedded default.
            ["Auth:Mode"] = "Development",
        };
        _apps = await EmbeddedSystem.BuildServicesAsync(
            [], settings, configure: b => b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)), environmentName: "Testing");
        foreach (var app in _apps)
        {
            await app.StartAsync();
            _started.Add(app);
        }
    }

    /// <summary>
    /// Waits until escalation has learnt the project's units from the registry's event (in-process bus, asynchronous);
    /// a problem raised before that would have nobody to alert.
    /// </summary>
    public async Task WaitUntilEscalationKnowsAsync(string projectId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using (var scope = Escalation.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ProjectHub.Escalation.Persistence.EscalationDbContext>();
                if (await db.ProjectRoutes.AnyAsync(r => r.ProjectId == projectId))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"escalation never learnt project {projectId}");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        // As ProjectHubHost.RunTogetherAsync does: the started ones stopped in reverse, then every one disposed.
        foreach (var app in Enumerable.Reverse(_started))
        {
            await app.StopAsync();
        }

        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "services";
}
