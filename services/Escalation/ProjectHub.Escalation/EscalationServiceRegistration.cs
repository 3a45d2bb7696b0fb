using ProjectHub.Grpc;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Escalation.Info;
using ProjectHub.Escalation.Persistence;

namespace ProjectHub.Escalation;

public static class EscalationServiceRegistration
{
    public const string ServiceName = "Escalation";
    public const int DefaultPort = 5103;

    /// <summary>
    /// Everything the escalation service needs, served on "Services:Escalation:Port" (5103). The same call builds the
    /// standalone process and the embedded all-in-one host.
    /// </summary>
    public static WebApplicationBuilder AddEscalationService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<EscalationDbContext>(ServiceName);
        builder.AddOutboxRelay<EscalationDbContext>();
        builder.Services.AddGrpcService<EscalationService>(port);
        return builder;
    }
}
