using Google.Protobuf.Reflection;
using ProjectHub.Grpc;
using ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Client;

/// <summary>Typed client of projecthub.approval.v1.Approvals; methods are checked against the .proto at type load.</summary>
public sealed class ApprovalsClient(GrpcChannel channel)
{
    private static readonly ServiceDescriptor Service = ApprovalReflection.Descriptor.Services[0];

    private static readonly Method<GetServiceInfoRequest, ServiceInfo> GetServiceInfoMethod =
        Method<GetServiceInfoRequest, ServiceInfo>.Create(Service, "GetServiceInfo", MethodType.Unary);

    public AsyncUnaryCall<ServiceInfo> GetServiceInfoAsync(GetServiceInfoRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetServiceInfoMethod, request, options);
}
