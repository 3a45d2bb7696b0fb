using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectHub.ClientDefaults;
using ProjectHub.Embedded;

namespace ProjectHub.Observability.Tests;

/// <summary>
/// The embedded default's three services built exactly as the embedded host builds them
/// (<see cref="EmbeddedSystem.BuildServicesAsync"/>: three web applications joined by one in-process bus group) inside
/// the test process, on free ports with a temporary database folder, so in-memory listeners see the spans of all three.
/// As in the embedded host, only the first application (registry) registers the OpenTelemetry providers when the
/// OTEL_* settings ask for them; listeners are process-wide, so they see every application's spans.
/// </summary>
internal sealed class InProcessSystem : IAsyncDisposable
{
    private readonly List<WebApplication> _apps;
    private readonly List<WebApplication> _started;
    private readonly string _data;

    private InProcessSystem(List<WebApplication> apps, List<WebApplication> started, string data, int[] ports)
    {
        _apps = apps;
        _started = started;
        _data = data;
        Ports = ports;
        RegistryChannel = Channels.For(Address(ports[0]));
        ApprovalChannel = Channels.For(Address(ports[1]));
        EscalationChannel = Channels.For(Address(ports[2]));
    }

    /// <summary>Registry, approval, escalation.</summary>
    public int[] Ports { get; }

    /// <summary>Plain channels (no token unless a call sets one), one per service, disposed with the system.</summary>
    public GrpcChannel RegistryChannel { get; }

    public GrpcChannel ApprovalChannel { get; }

    public GrpcChannel EscalationChannel { get; }

    /// <summary>The registry application's services.</summary>
    public IServiceProvider Registry => App(0).Services;

    /// <summary>The escalation application's services.</summary>
    public IServiceProvider Escalation => App(2).Services;

    public static Task<InProcessSystem> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <param name="clock">A hand-set business clock instead of the system's (token lifetimes stay on the wall clock).</param>
    /// <param name="extraArgs">Command-line settings for every application, e.g. the OTEL_* ones.</param>
    public static async Task<InProcessSystem> StartAsync(TimeProvider? clock, params string[] extraArgs)
    {
        var ports = new[] { FreePort(), FreePort(), FreePort() };
        var data = Path.Combine(Path.GetTempPath(), "projecthub-otel-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Services:Registry:Port"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Services:Approval:Port"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Services:Escalation:Port"] = ports[2].ToString(CultureInfo.InvariantCulture),
            ["Database:Directory"] = data,
            ["Registry:DailySweep"] = "false",
            ["Escalation:Sweep:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Callers carry TestTokens development tokens.
            ["Auth:Mode"] = "Development",
        };
        var apps = await EmbeddedSystem.BuildServicesAsync(
            extraArgs,
            settings,
            configure: clock is null ? null : b => b.Services.Replace(ServiceDescriptor.Singleton(clock)),
            environmentName: "Testing");
        var started = new List<WebApplication>();
        try
        {
            foreach (var app in apps)
            {
                await app.StartAsync();
                started.Add(app);
            }
        }
        catch
        {
            await StopAsync(apps, started, data);
            throw;
        }

        return new InProcessSystem(apps, started, data, ports);
    }

    public async ValueTask DisposeAsync()
    {
        RegistryChannel.Dispose();
        ApprovalChannel.Dispose();
        EscalationChannel.Dispose();
        await StopAsync(_apps, _started, _data);
    }

    private WebApplication App(int index) => _apps[index];

    private static string Address(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>As ProjectHubHost.RunTogetherAsync does: the started ones stopped in reverse, then every one disposed.</summary>
    private static async Task StopAsync(List<WebApplication> apps, List<WebApplication> started, string data)
    {
        foreach (var app in Enumerable.Reverse(started))
        {
            await app.StopAsync();
        }

        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a pooled handle for a moment; a stray temp folder is harmless.
        }
    }

    private static int FreePort() => ProjectHub.Testing.FreePort.Next();
}
