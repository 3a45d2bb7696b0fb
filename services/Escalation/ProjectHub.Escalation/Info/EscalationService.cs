using ProjectHub.Grpc;
using ProjectHub.Escalation.V1;

namespace ProjectHub.Escalation.Info;

/// <summary>projecthub.escalation.v1.Escalation.</summary>
[GrpcService(typeof(EscalationReflection), "projecthub.escalation.v1.Escalation")]
public sealed class EscalationService
{
    public Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new ServiceInfo { Name = "projecthub.escalation.v1.Escalation", Version = typeof(EscalationService).Assembly.GetName().Version?.ToString() ?? "" });
}
