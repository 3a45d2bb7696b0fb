using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ProjectHub.Calendar;
using ProjectHub.Hosting.Calendar;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Health;
using ProjectHub.Hosting.Observability;
using ProjectHub.Hosting.Security;

namespace ProjectHub.Hosting;

public static partial class ProjectHubDefaults
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No holiday data for {FirstYear}-{LastYear}: counting Monday-Friday as working days")]
    private static partial void CalendarFallback(ILogger logger, int firstYear, int lastYear);

    /// <summary>
    /// What every ProjectHub host shares: console logging with timestamps and trace ids, OpenTelemetry (when OTEL_*
    /// asks for it), the clock, the working-day calendar, the gRPC server (section "Grpc:Server") with its error
    /// interceptor and reflection, and bearer-token authentication (section "Auth").
    /// </summary>
    /// <param name="defaultAuthMode">The auth mode when "Auth:Mode" is not configured; the embedded default passes
    /// Development, the service hosts leave it to the environment (Development only in a Development environment).</param>
    public static WebApplicationBuilder AddProjectHubDefaults(this WebApplicationBuilder builder, AuthMode? defaultAuthMode = null, bool telemetry = true)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
            console.SingleLine = true;
            console.IncludeScopes = true;
        });
        // SQL text and a line per request at Information drown everything else; configuration may raise them again
        // (Logging:LogLevel:Microsoft.AspNetCore=Information).
        QuietUnlessConfigured(builder, "Microsoft.EntityFrameworkCore.Database.Command");
        QuietUnlessConfigured(builder, "Microsoft.AspNetCore");
        if (telemetry)
        {
            builder.AddProjectHubTelemetry();
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ProjectHub.Calendar");
            return new ReloadingCalendar(builder.Configuration["Calendar:ExtraDirectory"], (first, last) => CalendarFallback(logger, first, last));
        });
        builder.Services.TryAddSingleton<IWorkingCalendar>(provider => provider.GetRequiredService<ReloadingCalendar>());
        builder.Services.AddHostedService<CalendarWatcher>();
        builder.AddProjectHubGrpcServer();
        builder.AddProjectHubHealth();
        builder.AddProjectHubAuthentication(defaultAuthMode);
        return builder;
    }

    private static void QuietUnlessConfigured(WebApplicationBuilder builder, string category)
    {
        if (builder.Configuration[$"Logging:LogLevel:{category}"] is null)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }
    }

    /// <summary>
    /// The request pipeline of a ProjectHub service host: authentication and authorization, the request-message check
    /// (broken requests are INVALID_ARGUMENT, not UNKNOWN), then health and reflection (open).
    /// </summary>
    public static WebApplication UseProjectHub(this WebApplication app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestMessageCheck>();
        app.MapProjectHubGrpcInfrastructure();
        return app;
    }

    /// <summary>Serves a gRPC service whose every method needs an authenticated caller (UNAUTHENTICATED otherwise).</summary>
    public static GrpcServiceEndpointConventionBuilder MapProjectHubService<TService>(this IEndpointRouteBuilder app)
        where TService : class
    {
        var endpoint = app.MapGrpcService<TService>();
        endpoint.RequireAuthorization(AuthenticationExtensions.CallerPolicy);
        return endpoint;
    }
}
