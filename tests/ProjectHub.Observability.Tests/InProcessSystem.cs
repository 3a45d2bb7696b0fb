using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectHub.Approval;
using ProjectHub.Escalation;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry;

namespace ProjectHub.Observability.Tests;

/// <summary>
/// The embedded host's composition (services/Embedded/ProjectHub.Embedded/Program.cs) built inside the test process
/// on free ports with a temporary database folder, so in-memory listeners see the spans of all three services.
/// </summary>
internal sealed class InProcessSystem : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _data;

    private InProcessSystem(WebApplication app, string data, int[] ports)
    {
        _app = app;
        _data = data;
        Ports = ports;
    }

    /// <summary>Registry, approval, escalation.</summary>
    public int[] Ports { get; }

    public static Task<InProcessSystem> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <param name="clock">A hand-set business clock instead of the system's (token lifetimes stay on the wall clock).</param>
    public static async Task<InProcessSystem> StartAsync(TimeProvider? clock, params string[] extraArgs)
    {
        var ports = new[] { FreePort(), FreePort(), FreePort() };
        var data = Path.Combine(Path.GetTempPath(), "projecthub-otel-" + Guid.NewGuid().ToString("N"));
        string[] args =
        [
            $"--Services:Registry:Port={ports[0]}",
            $"--Services:Approval:Port={ports[1]}",
            $"--Services:Escalation:Port={ports[2]}",
            $"--Database:Directory={data}",
            "--Registry:DailySweep=false",
            "--Escalation:Sweep:Enabled=false",
            // Callers carry TestTokens development tokens.
            "--Auth:Mode=Development",
            .. extraArgs,
        ];
        var builder = WebApplication.CreateBuilder(args);
        builder.AddProjectHubDefaults();
        if (clock is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        }

        builder.AddRegistryService();
        builder.AddApprovalService();
        builder.AddEscalationService();
        builder.AddProjectHubBus();
        var app = builder.Build();
        await app.Services.InitializeDatabasesAsync();
        app.UseProjectHub();
        await app.StartAsync();
        return new InProcessSystem(app, data, ports);
    }

    public IServiceProvider Services => _app.Services;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold a pooled handle for a moment; a stray temp folder is harmless.
        }
    }

    private static int FreePort() => ProjectHub.Testing.FreePort.Next();
}
