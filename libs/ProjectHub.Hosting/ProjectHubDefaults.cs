using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ProjectHub.Calendar;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Observability;
using ProjectHub.Hosting.Security;

namespace ProjectHub.Hosting;

public static class ProjectHubDefaults
{
    /// <summary>
    /// What every ProjectHub host shares: the clock, the working-day calendar, the gRPC server (settings from
    /// "Grpc:Server"), bearer-token authentication (section "Auth") and console logging with timestamps.
    /// </summary>
    /// <param name="defaultAuthMode">The auth mode when "Auth:Mode" is not configured; the embedded default passes
    /// Development, the service hosts leave it to the environment (Development only in a Development environment).</param>
    public static WebApplicationBuilder AddProjectHubDefaults(this WebApplicationBuilder builder, AuthMode? defaultAuthMode = null)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
            console.SingleLine = true;
            console.IncludeScopes = true;
        });
        // SQL text at Information drowns everything else; raise it in configuration when needed.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.AddProjectHubTelemetry();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IWorkingCalendar>(provider =>
        {
            var calendar = WorkingCalendar.LoadDefault(builder.Configuration["Calendar:ExtraDirectory"]);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectHub.Calendar");
            calendar.FallbackUsed += (_, e) => logger.LogWarning(
                "No holiday data for {FirstYear}-{LastYear}: counting Monday-Friday as working days", e.FirstYear, e.LastYear);
            return calendar;
        });
        builder.Services.AddGrpcServer();
        builder.Services.AddOptions<GrpcServerOptions>().Bind(builder.Configuration.GetSection("Grpc:Server"));
        builder.AddProjectHubAuthentication(defaultAuthMode);
        return builder;
    }

    /// <summary>The request pipeline of a ProjectHub host: gRPC for every registered service.</summary>
    public static WebApplication UseProjectHub(this WebApplication app)
    {
        app.UseGrpcServices();
        return app;
    }
}
