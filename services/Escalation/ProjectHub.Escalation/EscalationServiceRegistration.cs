using ProjectHub.Escalation.Alerts;
using ProjectHub.Escalation.Configuration;
using ProjectHub.Escalation.Consumers;
using ProjectHub.Escalation.Grpc;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Escalation.Problems;
using ProjectHub.Escalation.Sweep;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Health;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Escalation;

public static class EscalationServiceRegistration
{
    public const string ServiceName = "Escalation";
    public const int DefaultPort = 5103;

    /// <summary>The escalation service as a unit the standalone host, the embedded default and tests all run.</summary>
    public static readonly ServiceModule Module = new(ServiceName, "ProjectHub.Escalation", b => b.AddEscalationService(), a => a.MapEscalationService());

    /// <summary>
    /// Everything the escalation service needs, served on "Services:Escalation:Port" (5103). Configuration:
    /// "Escalation:Ladder" (Preset or Tiers), "Escalation:Recipients" (directory), "Escalation:Sweep:Enabled|IntervalSeconds",
    /// "Escalation:Alerts:PollSeconds".
    /// </summary>
    public static WebApplicationBuilder AddEscalationService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<EscalationDbContext, EscalationSqliteDbContext, EscalationPostgresDbContext>(ServiceName);
        builder.AddOutboxRelay<EscalationDbContext>();
        builder.AddServiceHealth(EscalationService.Name);

        var services = builder.Services;
        services.AddEscalationRules(builder.Configuration);
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertFeed>();
        services.AddHostedService<PendingAlertSampler>();
        services.AddSingleton<EscalationSweep>();
        services.AddHostedService<EscalationSweepService>();
        services.AddScoped<ChangeRecorder>();
        services.AddScoped<ProblemCommand>();
        services.AddScoped<RaiseProblem>();
        services.AddScoped<AcknowledgeProblem>();
        services.AddScoped<ResolveProblem>();
        services.AddScoped<EscalateProblem>();
        services.AddScoped<ReopenProblem>();
        services.AddScoped<ProblemQueries>();
        services.AddScoped<AlertQueries>();

        builder.AddBusConsumer<ProjectLightChangedConsumer>();
        builder.AddBusConsumer<ApprovalAlertsConsumer>();
        builder.AddBusConsumer<ProjectRoutingConsumer>();
        return builder;
    }

    public static WebApplication MapEscalationService(this WebApplication app)
    {
        app.MapProjectHubService<EscalationService>();
        return app;
    }
}
