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

    private static readonly Method<RaiseProblemRequest, Problem> RaiseProblemMethod =
        Method<RaiseProblemRequest, Problem>.Create(Service, "RaiseProblem", MethodType.Unary);

    private static readonly Method<GetProblemRequest, Problem> GetProblemMethod =
        Method<GetProblemRequest, Problem>.Create(Service, "GetProblem", MethodType.Unary);

    private static readonly Method<ListProblemsRequest, ListProblemsResponse> ListProblemsMethod =
        Method<ListProblemsRequest, ListProblemsResponse>.Create(Service, "ListProblems", MethodType.Unary);

    private static readonly Method<AcknowledgeProblemRequest, Problem> AcknowledgeProblemMethod =
        Method<AcknowledgeProblemRequest, Problem>.Create(Service, "AcknowledgeProblem", MethodType.Unary);

    private static readonly Method<ResolveProblemRequest, Problem> ResolveProblemMethod =
        Method<ResolveProblemRequest, Problem>.Create(Service, "ResolveProblem", MethodType.Unary);

    private static readonly Method<EscalateProblemRequest, Problem> EscalateProblemMethod =
        Method<EscalateProblemRequest, Problem>.Create(Service, "EscalateProblem", MethodType.Unary);

    private static readonly Method<ReopenProblemRequest, Problem> ReopenProblemMethod =
        Method<ReopenProblemRequest, Problem>.Create(Service, "ReopenProblem", MethodType.Unary);

    private static readonly Method<GetProblemHistoryRequest, ProblemHistory> GetProblemHistoryMethod =
        Method<GetProblemHistoryRequest, ProblemHistory>.Create(Service, "GetProblemHistory", MethodType.Unary);

    private static readonly Method<GetLadderRequest, Ladder> GetLadderMethod =
        Method<GetLadderRequest, Ladder>.Create(Service, "GetLadder", MethodType.Unary);

    private static readonly Method<SubscribeAlertsRequest, Alert> SubscribeAlertsMethod =
        Method<SubscribeAlertsRequest, Alert>.Create(Service, "SubscribeAlerts", MethodType.ServerStreaming);

    private static readonly Method<ListAlertsRequest, ListAlertsResponse> ListAlertsMethod =
        Method<ListAlertsRequest, ListAlertsResponse>.Create(Service, "ListAlerts", MethodType.Unary);

    private static readonly Method<AcknowledgeAlertRequest, Alert> AcknowledgeAlertMethod =
        Method<AcknowledgeAlertRequest, Alert>.Create(Service, "AcknowledgeAlert", MethodType.Unary);

    public AsyncUnaryCall<ServiceInfo> GetServiceInfoAsync(GetServiceInfoRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetServiceInfoMethod, request, options);

    public AsyncUnaryCall<Problem> RaiseProblemAsync(RaiseProblemRequest request, CallOptions options = default) =>
        channel.UnaryCall(RaiseProblemMethod, request, options);

    public AsyncUnaryCall<Problem> GetProblemAsync(GetProblemRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetProblemMethod, request, options);

    public AsyncUnaryCall<ListProblemsResponse> ListProblemsAsync(ListProblemsRequest request, CallOptions options = default) =>
        channel.UnaryCall(ListProblemsMethod, request, options);

    public AsyncUnaryCall<Problem> AcknowledgeProblemAsync(AcknowledgeProblemRequest request, CallOptions options = default) =>
        channel.UnaryCall(AcknowledgeProblemMethod, request, options);

    public AsyncUnaryCall<Problem> ResolveProblemAsync(ResolveProblemRequest request, CallOptions options = default) =>
        channel.UnaryCall(ResolveProblemMethod, request, options);

    public AsyncUnaryCall<Problem> EscalateProblemAsync(EscalateProblemRequest request, CallOptions options = default) =>
        channel.UnaryCall(EscalateProblemMethod, request, options);

    public AsyncUnaryCall<Problem> ReopenProblemAsync(ReopenProblemRequest request, CallOptions options = default) =>
        channel.UnaryCall(ReopenProblemMethod, request, options);

    public AsyncUnaryCall<ProblemHistory> GetProblemHistoryAsync(GetProblemHistoryRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetProblemHistoryMethod, request, options);

    public AsyncUnaryCall<Ladder> GetLadderAsync(GetLadderRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetLadderMethod, request, options);

    public AsyncServerStreamingCall<Alert> SubscribeAlerts(SubscribeAlertsRequest request, CallOptions options = default) =>
        channel.ServerStreamingCall(SubscribeAlertsMethod, request, options);

    public AsyncUnaryCall<ListAlertsResponse> ListAlertsAsync(ListAlertsRequest request, CallOptions options = default) =>
        channel.UnaryCall(ListAlertsMethod, request, options);

    public AsyncUnaryCall<Alert> AcknowledgeAlertAsync(AcknowledgeAlertRequest request, CallOptions options = default) =>
        channel.UnaryCall(AcknowledgeAlertMethod, request, options);

    /// <summary>
    /// Call options carrying <paramref name="bearerToken"/> (a JWT from the configured issuer): the service reads who
    /// acts, and what they may do, from the token alone.
    /// </summary>
    public static CallOptions As(string bearerToken, CancellationToken cancellationToken = default) =>
        new(Authorization(bearerToken), null, cancellationToken);

    /// <summary>Request metadata "authorization: Bearer &lt;token&gt;", to add further headers to.</summary>
    public static Metadata Authorization(string bearerToken) =>
        string.IsNullOrWhiteSpace(bearerToken)
            ? throw new ArgumentException("A bearer token is required.", nameof(bearerToken))
            : new Metadata().Add("authorization", "Bearer " + bearerToken.Trim());
}
