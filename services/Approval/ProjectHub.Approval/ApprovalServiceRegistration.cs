using ProjectHub.Approval.Calendar;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Info;
using ProjectHub.Approval.Items;
using ProjectHub.Approval.Overdue;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.Projects;
using ProjectHub.Approval.Rules;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval;

public static class ApprovalServiceRegistration
{
    public const string ServiceName = "Approval";
    public const int DefaultPort = 5102;

    /// <summary>
    /// Everything the approval service needs, served on "Services:Approval:Port" (5102): the Approvals service and
    /// the shared WorkingCalendar service. The same call builds the standalone process and the embedded host.
    /// </summary>
    public static WebApplicationBuilder AddApprovalService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<ApprovalDbContext>(ServiceName);
        builder.AddOutboxRelay<ApprovalDbContext>();

        // Read once at start-up so a bad configuration stops the host instead of failing the first request.
        builder.Services.AddSingleton(ApprovalRulesConfiguration.Read(builder.Configuration));
        builder.Services.AddScoped<CaseStore>();
        builder.Services.AddScoped<OpenCase>();
        builder.Services.AddScoped<GetCase>();
        builder.Services.AddScoped<ListCases>();
        builder.Services.AddScoped<ItemChange>();
        builder.Services.AddScoped<SubmitItem>();
        builder.Services.AddScoped<AcceptItem>();
        builder.Services.AddScoped<ApproveItem>();
        builder.Services.AddScoped<ReturnItem>();
        builder.Services.AddScoped<GetTimeline>();
        builder.Services.AddSingleton<OverdueSweep>();
        builder.Services.AddHostedService<OverdueSweepService>();

        // Each project's owner, responsible unit and leader in charge, from the registry's events (authorization).
        builder.AddBusConsumer<ApprovalProjectRoutingConsumer>();

        builder.Services.AddGrpcService<ApprovalsService>(port);
        builder.Services.AddGrpcService<WorkingCalendarService>(port);
        return builder;
    }
}
