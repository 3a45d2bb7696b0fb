using ProjectHub.Escalation.Alerts;
using ProjectHub.Escalation.Api;
using ProjectHub.Escalation.Configuration;
using ProjectHub.Escalation.Consumers;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Escalation.Problems;
using ProjectHub.Escalation.Sweep;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Escalation;

public static class EscalationServiceRegistration
{
    public const string ServiceName = "Escalation";
    public const int DefaultPort = 5103;

    /// <summary>
    /// Everything the escalation service needs, served on "Services:Escalation:Port" (5103). The same call builds the
    /// standalone process and the embedded all-in-one host. Configuration: "Escalation:Ladder" (Preset or Tiers),
    /// "Escalation:Recipients" (directory), "Escalation:Sweep:Enabled|IntervalSeconds", "Escalation:Alerts:PollSeconds".
    /// </summary>
    public static WebApplicationBuilder AddEscalationService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<EscalationDbContext>(ServiceName);
        builder.AddOutboxRelay<EscalationDbContext>();

        var services = builder.Services;
        services.AddEscalationRules(builder.Configuration);
        services.AddSingleton<AlertNotifier>();
        services.AddSingleton<AlertStream>();
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

        services.AddGrpcService<EscalationService>(port);
        return builder;
    }
}
