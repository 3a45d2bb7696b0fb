using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Configuration;
using ProjectHub.Approval.Consumers;
using ProjectHub.Approval.Grpc;
using ProjectHub.Approval.Items;
using ProjectHub.Approval.Overdue;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.WorkingDays;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Health;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval;

public static class ApprovalServiceRegistration
{
    public const string ServiceName = "Approval";
    public const int DefaultPort = 5102;

    /// <summary>The approval service as a unit the standalone host, the embedded default and tests all run.</summary>
    public static readonly ServiceModule Module = new(ServiceName, "ProjectHub.Approval", b => b.AddApprovalService(), a => a.MapApprovalService());

    /// <summary>
    /// Everything the approval service needs, served on "Services:Approval:Port" (5102): the Approvals service and
    /// the shared WorkingCalendar service. Configuration: "Approval:Rules" (see <see cref="ApprovalRulesConfiguration"/>),
    /// "Approval:Overdue:SweepInterval".
    /// </summary>
    public static WebApplicationBuilder AddApprovalService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<ApprovalDbContext, ApprovalSqliteDbContext, ApprovalPostgresDbContext>(ServiceName);
        builder.AddOutboxRelay<ApprovalDbContext>();
        builder.AddServiceHealth(ApprovalsService.Name, WorkingCalendarService.Name);

        var services = builder.Services;
        // Read once at start-up so a bad configuration stops the host instead of failing the first request.
        services.AddSingleton(ApprovalRulesConfiguration.Read(builder.Configuration));
        services.AddScoped<CaseStore>();
        services.AddScoped<OpenCase>();
        services.AddScoped<GetCase>();
        services.AddScoped<ListCases>();
        services.AddScoped<ItemChange>();
        services.AddScoped<SubmitItem>();
        services.AddScoped<AcceptItem>();
        services.AddScoped<ApproveItem>();
        services.AddScoped<ReturnItem>();
        services.AddScoped<GetTimeline>();
        services.AddSingleton<AddWorkingDays>();
        services.AddSingleton<CountWorkingDays>();
        services.AddSingleton<OverdueSweep>();
        services.AddHostedService<OverdueSweepService>();

        // Each project's owner, responsible unit and leader in charge, from the registry's events (authorization).
        builder.AddBusConsumer<ApprovalProjectRoutingConsumer>();
        return builder;
    }

    /// <summary>Serves both gRPC services; every method needs an authenticated caller.</summary>
    public static WebApplication MapApprovalService(this WebApplication app)
    {
        app.MapProjectHubService<ApprovalsService>();
        app.MapProjectHubService<WorkingCalendarService>();
        return app;
    }
}
