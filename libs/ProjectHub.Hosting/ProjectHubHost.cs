using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Hosting.Security;

namespace ProjectHub.Hosting;

/// <summary>How a host is set up beyond its command line (the embedded default and tests use these).</summary>
public sealed class HostSetup
{
    public string[] Args { get; init; } = [];

    /// <summary>The auth mode when "Auth:Mode" is not configured (see <see cref="ProjectHubDefaults.AddProjectHubDefaults"/>).</summary>
    public AuthMode? DefaultAuthMode { get; init; }

    public string? EnvironmentName { get; init; }

    /// <summary>The application name (logs, telemetry's default service.name); unset: the module's.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>Settings over everything else (tests).</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>The in-process bus group when several services share a process on the InMemory transport.</summary>
    public InProcessBuses? Buses { get; init; }

    /// <summary>False in all but one application of a process, so each span is exported once.</summary>
    public bool Telemetry { get; init; } = true;

    /// <summary>Runs after the defaults and before the service is added (tests replace the clock here).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}

public static class ProjectHubHost
{
    /// <summary>The command of every service host that migrates its database(s) and exits: what a deployment's migration
    /// Job or init container runs before the new release starts (README "Production → Upgrades").</summary>
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// A service's web application, composed exactly as its own host composes it: defaults, the service, the bus; its
    /// databases migrated (or checked, see <see cref="DatabaseExtensions.InitializeDatabasesAsync"/>); the pipeline
    /// mapped. Not started.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(ServiceModule module, HostSetup setup, CancellationToken cancellationToken = default)
    {
        var app = Compose(module, setup);
        await app.Services.InitializeDatabasesAsync(cancellationToken);
        app.UseProjectHub();
        module.Map(app);
        return app;
    }

    /// <summary>The service's application with its databases not yet touched (for the migrate command).</summary>
    public static WebApplication Compose(ServiceModule module, HostSetup setup)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = setup.Args,
            EnvironmentName = setup.EnvironmentName,
            ApplicationName = setup.ApplicationName ?? module.ApplicationName,
        });
        if (setup.Settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(setup.Settings);
        }

        if (setup.Buses is not null)
        {
            builder.Services.AddSingleton(setup.Buses);
        }

        builder.AddProjectHubDefaults(setup.DefaultAuthMode, setup.Telemetry);
        setup.Configure?.Invoke(builder);
        module.Add(builder);
        builder.AddProjectHubBus();
        return builder.Build();
    }

    /// <summary>
    /// The standalone service process: `migrate` migrates its database and exits; otherwise it serves until Ctrl+C or
    /// SIGTERM. A database that is behind (Database:MigrateOnStart=false) stops it with one line naming what is missing.
    /// </summary>
    public static async Task<int> RunAsync(ServiceModule module, string[] args)
    {
        if (args.Length > 0 && args[0] == MigrateCommand)
        {
            // It never serves, so it needs no token settings: Development unless Auth:Mode says otherwise.
            return await MigrateAsync([module], args[1..], AuthMode.Development);
        }

        try
        {
            await using var app = await BuildAsync(module, new HostSetup { Args = args });
            await app.RunAsync();
            return 0;
        }
        catch (DatabaseBehindException behind)
        {
            await Console.Error.WriteLineAsync(behind.Message);
            return 3;
        }
    }

    /// <summary>Migrates the databases of <paramref name="modules"/> to this release and returns the exit code.</summary>
    public static async Task<int> MigrateAsync(IEnumerable<ServiceModule> modules, string[] args, AuthMode? defaultAuthMode = null)
    {
        foreach (var module in modules)
        {
            // Composed like the real host (same configuration, same database settings), never started.
            await using var app = Compose(module, new HostSetup { Args = args, DefaultAuthMode = defaultAuthMode, Telemetry = false });
            await app.Services.MigrateDatabasesAsync();
        }

        return 0;
    }

    /// <summary>
    /// Runs several applications in one process (the embedded default) until Ctrl+C, SIGTERM, or any of them stops;
    /// then stops them all. If one fails to start, those already started are stopped and the failure is thrown.
    /// </summary>
    public static async Task RunTogetherAsync(IReadOnlyList<WebApplication> apps)
    {
        var started = new List<WebApplication>();
        try
        {
            foreach (var app in apps)
            {
                await app.StartAsync();
                started.Add(app);
            }

            var stopping = apps.Select(a => WhenStopping(a.Services.GetRequiredService<IHostApplicationLifetime>())).ToArray();
            await Task.WhenAny(stopping);
        }
        finally
        {
            foreach (var app in Enumerable.Reverse(started))
            {
                await app.StopAsync();
            }

            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static Task WhenStopping(IHostApplicationLifetime lifetime)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        return stopping.Task;
    }
}
