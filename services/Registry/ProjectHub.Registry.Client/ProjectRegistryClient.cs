using Google.Protobuf.Reflection;
using ProjectHub.Grpc;
using ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Client;

/// <summary>Typed client of projecthub.registry.v1.ProjectRegistry; methods are checked against the .proto at type load.</summary>
public sealed class ProjectRegistryClient(GrpcChannel channel)
{
    private static readonly ServiceDescriptor Service = RegistryReflection.Descriptor.Services[0];

    private static readonly Method<GetServiceInfoRequest, ServiceInfo> GetServiceInfoMethod =
        Method<GetServiceInfoRequest, ServiceInfo>.Create(Service, "GetServiceInfo", MethodType.Unary);

    public AsyncUnaryCall<ServiceInfo> GetServiceInfoAsync(GetServiceInfoRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetServiceInfoMethod, request, options);
}
