using Google.Protobuf.Reflection;
using ProjectHub.Grpc;
using ProjectHub.Escalation.V1;

namespace ProjectHub.Escalation.Client;

/// <summary>Typed client of projecthub.escalation.v1.Escalation; methods are checked against the .proto at type load.</summary>
public sealed class EscalationClient(GrpcChannel channel)
{
    private static readonly ServiceDescriptor Service = EscalationReflection.Descriptor.Services[0];

    private static readonly Method<GetServiceInfoRequest, ServiceInfo> GetServiceInfoMethod =
        Method<GetServiceInfoRequest, ServiceInfo>.Create(Service, "GetServiceInfo", MethodType.Unary);

    public AsyncUnaryCall<ServiceInfo> GetServiceInfoAsync(GetServiceInfoRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetServiceInfoMethod, request, options);
}
