using ProjectHub.Approval;
using ProjectHub.Board;
using ProjectHub.Escalation;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Security;
using ProjectHub.Registry;

namespace ProjectHub.Embedded;

/// <summary>
/// The embedded default: registry (5101), approval (5102) and escalation (5103), each its own web application with its
/// own DI, Kestrel, database and in-memory bus — exactly as when it runs alone — joined by one in-process bus group
/// (<see cref="InProcessBuses"/>), plus the web board (5100). See docs/decisions/0006.
/// </summary>
public static class EmbeddedSystem
{
    public static readonly IReadOnlyList<ServiceModule> Services =
        [RegistryServiceRegistration.Module, ApprovalServiceRegistration.Module, EscalationServiceRegistration.Module];

    /// <summary>The three services, built (databases ready) but not started. Development tokens unless Auth:Mode says otherwise.</summary>
    /// <param name="settings">Settings over the command line (tests).</param>
    /// <param name="configure">Runs on each service's builder after the defaults (tests replace the clock).</param>
    public static async Task<List<WebApplication>> BuildServicesAsync(
        string[] args, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null,
        string? environmentName = null)
    {
        var buses = new InProcessBuses(Services.Count);
        var apps = new List<WebApplication>();
        foreach (var module in Services)
        {
            apps.Add(await ProjectHubHost.BuildAsync(module, new HostSetup
            {
                Args = args,
                DefaultAuthMode = AuthMode.Development,
                EnvironmentName = environmentName,
                Settings = settings,
                Buses = buses,
                Configure = configure,
                // One tracer for the process: listeners are process-wide, so a second would export every span again.
                Telemetry = apps.Count == 0,
                ApplicationName = apps.Count == 0 ? "ProjectHub.Embedded" : null,
            }));
        }

        return apps;
    }

    /// <summary>Everything the Quick start runs: the services and the board, until Ctrl+C.</summary>
    public static async Task RunAsync(string[] args)
    {
        var apps = await BuildServicesAsync(args);
        // The board follows the services: development tokens unless Auth:Mode says otherwise.
        apps.Add(BoardHost.Build(args, developmentByDefault: true));
        await ProjectHubHost.RunTogetherAsync(apps);
    }
}
