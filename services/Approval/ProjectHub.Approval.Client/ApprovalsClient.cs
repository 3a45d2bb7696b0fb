using Google.Protobuf.Reflection;
using ProjectHub.Grpc;
using ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Client;

/// <summary>Typed client of projecthub.approval.v1.Approvals; methods are checked against the .proto at type load.</summary>
public sealed class ApprovalsClient(GrpcChannel channel)
{
    private static readonly ServiceDescriptor Service = ApprovalReflection.Descriptor.Services[0];

    private static readonly Method<GetServiceInfoRequest, ServiceInfo> GetServiceInfoMethod = Unary<GetServiceInfoRequest, ServiceInfo>("GetServiceInfo");
    private static readonly Method<OpenCaseRequest, ApprovalCase> OpenCaseMethod = Unary<OpenCaseRequest, ApprovalCase>("OpenCase");
    private static readonly Method<GetCaseRequest, ApprovalCase> GetCaseMethod = Unary<GetCaseRequest, ApprovalCase>("GetCase");
    private static readonly Method<ListCasesRequest, ListCasesResponse> ListCasesMethod = Unary<ListCasesRequest, ListCasesResponse>("ListCases");
    private static readonly Method<SubmitItemRequest, ApprovalItem> SubmitItemMethod = Unary<SubmitItemRequest, ApprovalItem>("SubmitItem");
    private static readonly Method<AcceptItemRequest, ApprovalItem> AcceptItemMethod = Unary<AcceptItemRequest, ApprovalItem>("AcceptItem");
    private static readonly Method<ApproveItemRequest, ApprovalItem> ApproveItemMethod = Unary<ApproveItemRequest, ApprovalItem>("ApproveItem");
    private static readonly Method<ReturnItemRequest, ApprovalItem> ReturnItemMethod = Unary<ReturnItemRequest, ApprovalItem>("ReturnItem");
    private static readonly Method<GetTimelineRequest, GetTimelineResponse> GetTimelineMethod = Unary<GetTimelineRequest, GetTimelineResponse>("GetTimeline");

    public AsyncUnaryCall<ServiceInfo> GetServiceInfoAsync(GetServiceInfoRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetServiceInfoMethod, request, options);

    public AsyncUnaryCall<ApprovalCase> OpenCaseAsync(OpenCaseRequest request, CallOptions options = default) =>
        channel.UnaryCall(OpenCaseMethod, request, options);

    public AsyncUnaryCall<ApprovalCase> GetCaseAsync(GetCaseRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetCaseMethod, request, options);

    public AsyncUnaryCall<ListCasesResponse> ListCasesAsync(ListCasesRequest request, CallOptions options = default) =>
        channel.UnaryCall(ListCasesMethod, request, options);

    public AsyncUnaryCall<ApprovalItem> SubmitItemAsync(SubmitItemRequest request, CallOptions options = default) =>
        channel.UnaryCall(SubmitItemMethod, request, options);

    public AsyncUnaryCall<ApprovalItem> AcceptItemAsync(AcceptItemRequest request, CallOptions options = default) =>
        channel.UnaryCall(AcceptItemMethod, request, options);

    public AsyncUnaryCall<ApprovalItem> ApproveItemAsync(ApproveItemRequest request, CallOptions options = default) =>
        channel.UnaryCall(ApproveItemMethod, request, options);

    public AsyncUnaryCall<ApprovalItem> ReturnItemAsync(ReturnItemRequest request, CallOptions options = default) =>
        channel.UnaryCall(ReturnItemMethod, request, options);

    public AsyncUnaryCall<GetTimelineResponse> GetTimelineAsync(GetTimelineRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetTimelineMethod, request, options);

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, Google.Protobuf.IMessage<TRequest>, new()
        where TResponse : class, Google.Protobuf.IMessage<TResponse>, new() =>
        Method<TRequest, TResponse>.Create(Service, name, MethodType.Unary);
}
