using ProjectHub.Grpc;
using ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Info;

/// <summary>projecthub.approval.v1.Approvals.</summary>
[GrpcService(typeof(ApprovalReflection), "projecthub.approval.v1.Approvals")]
public sealed class ApprovalsService
{
    public Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new ServiceInfo { Name = "projecthub.approval.v1.Approvals", Version = typeof(ApprovalsService).Assembly.GetName().Version?.ToString() ?? "" });
}
