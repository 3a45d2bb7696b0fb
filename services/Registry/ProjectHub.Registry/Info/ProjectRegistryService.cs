using ProjectHub.Grpc;
using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Info;

/// <summary>projecthub.registry.v1.ProjectRegistry.</summary>
[GrpcService(typeof(RegistryReflection), "projecthub.registry.v1.ProjectRegistry")]
public sealed class ProjectRegistryService
{
    public Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new ServiceInfo { Name = "projecthub.registry.v1.ProjectRegistry", Version = typeof(ProjectRegistryService).Assembly.GetName().Version?.ToString() ?? "" });
}
