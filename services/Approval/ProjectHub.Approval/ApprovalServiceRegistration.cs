using ProjectHub.Grpc;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Approval.Info;
using ProjectHub.Approval.Persistence;

namespace ProjectHub.Approval;

public static class ApprovalServiceRegistration
{
    public const string ServiceName = "Approval";
    public const int DefaultPort = 5102;

    /// <summary>
    /// Everything the approval service needs, served on "Services:Approval:Port" (5102). The same call builds the
    /// standalone process and the embedded all-in-one host.
    /// </summary>
    public static WebApplicationBuilder AddApprovalService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<ApprovalDbContext>(ServiceName);
        builder.AddOutboxRelay<ApprovalDbContext>();
        builder.Services.AddGrpcService<ApprovalsService>(port);
        return builder;
    }
}
