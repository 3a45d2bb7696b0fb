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

    private static readonly Method<RegisterProjectRequest, Project> RegisterProjectMethod =
        Method<RegisterProjectRequest, Project>.Create(Service, "RegisterProject", MethodType.Unary);

    private static readonly Method<GetProjectRequest, Project> GetProjectMethod =
        Method<GetProjectRequest, Project>.Create(Service, "GetProject", MethodType.Unary);

    private static readonly Method<ListProjectsRequest, ListProjectsResponse> ListProjectsMethod =
        Method<ListProjectsRequest, ListProjectsResponse>.Create(Service, "ListProjects", MethodType.Unary);

    private static readonly Method<UpdateProjectRequest, Project> UpdateProjectMethod =
        Method<UpdateProjectRequest, Project>.Create(Service, "UpdateProject", MethodType.Unary);

    private static readonly Method<ReplanProjectRequest, Project> ReplanProjectMethod =
        Method<ReplanProjectRequest, Project>.Create(Service, "ReplanProject", MethodType.Unary);

    private static readonly Method<ChangeStageRequest, Project> ChangeStageMethod =
        Method<ChangeStageRequest, Project>.Create(Service, "ChangeStage", MethodType.Unary);

    private static readonly Method<ExitProjectRequest, Project> ExitProjectMethod =
        Method<ExitProjectRequest, Project>.Create(Service, "ExitProject", MethodType.Unary);

    private static readonly Method<GetProjectHistoryRequest, ProjectHistory> GetProjectHistoryMethod =
        Method<GetProjectHistoryRequest, ProjectHistory>.Create(Service, "GetProjectHistory", MethodType.Unary);

    private static readonly Method<SubmitProgressReportRequest, SubmitProgressReportResponse> SubmitProgressReportMethod =
        Method<SubmitProgressReportRequest, SubmitProgressReportResponse>.Create(Service, "SubmitProgressReport", MethodType.Unary);

    private static readonly Method<ListProgressReportsRequest, ListProgressReportsResponse> ListProgressReportsMethod =
        Method<ListProgressReportsRequest, ListProgressReportsResponse>.Create(Service, "ListProgressReports", MethodType.Unary);

    private static readonly Method<GetLightRequest, LightStatus> GetLightMethod =
        Method<GetLightRequest, LightStatus>.Create(Service, "GetLight", MethodType.Unary);

    private static readonly Method<GetLightHistoryRequest, LightHistory> GetLightHistoryMethod =
        Method<GetLightHistoryRequest, LightHistory>.Create(Service, "GetLightHistory", MethodType.Unary);

    private static readonly Method<EvaluateLightsRequest, EvaluateLightsResponse> EvaluateLightsMethod =
        Method<EvaluateLightsRequest, EvaluateLightsResponse>.Create(Service, "EvaluateLights", MethodType.Unary);

    private static readonly Method<GetBoardRequest, Board> GetBoardMethod =
        Method<GetBoardRequest, Board>.Create(Service, "GetBoard", MethodType.Unary);

    private static readonly Method<RankUnitsRequest, RankUnitsResponse> RankUnitsMethod =
        Method<RankUnitsRequest, RankUnitsResponse>.Create(Service, "RankUnits", MethodType.Unary);

    private static readonly Method<ListExitCandidatesRequest, ListExitCandidatesResponse> ListExitCandidatesMethod =
        Method<ListExitCandidatesRequest, ListExitCandidatesResponse>.Create(Service, "ListExitCandidates", MethodType.Unary);

    public AsyncUnaryCall<ServiceInfo> GetServiceInfoAsync(GetServiceInfoRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetServiceInfoMethod, request, options);

    public AsyncUnaryCall<Project> RegisterProjectAsync(RegisterProjectRequest request, CallOptions options = default) =>
        channel.UnaryCall(RegisterProjectMethod, request, options);

    public AsyncUnaryCall<Project> GetProjectAsync(GetProjectRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetProjectMethod, request, options);

    public AsyncUnaryCall<ListProjectsResponse> ListProjectsAsync(ListProjectsRequest request, CallOptions options = default) =>
        channel.UnaryCall(ListProjectsMethod, request, options);

    public AsyncUnaryCall<Project> UpdateProjectAsync(UpdateProjectRequest request, CallOptions options = default) =>
        channel.UnaryCall(UpdateProjectMethod, request, options);

    public AsyncUnaryCall<Project> ReplanProjectAsync(ReplanProjectRequest request, CallOptions options = default) =>
        channel.UnaryCall(ReplanProjectMethod, request, options);

    public AsyncUnaryCall<Project> ChangeStageAsync(ChangeStageRequest request, CallOptions options = default) =>
        channel.UnaryCall(ChangeStageMethod, request, options);

    public AsyncUnaryCall<Project> ExitProjectAsync(ExitProjectRequest request, CallOptions options = default) =>
        channel.UnaryCall(ExitProjectMethod, request, options);

    public AsyncUnaryCall<ProjectHistory> GetProjectHistoryAsync(GetProjectHistoryRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetProjectHistoryMethod, request, options);

    public AsyncUnaryCall<SubmitProgressReportResponse> SubmitProgressReportAsync(SubmitProgressReportRequest request, CallOptions options = default) =>
        channel.UnaryCall(SubmitProgressReportMethod, request, options);

    public AsyncUnaryCall<ListProgressReportsResponse> ListProgressReportsAsync(ListProgressReportsRequest request, CallOptions options = default) =>
        channel.UnaryCall(ListProgressReportsMethod, request, options);

    public AsyncUnaryCall<LightStatus> GetLightAsync(GetLightRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetLightMethod, request, options);

    public AsyncUnaryCall<LightHistory> GetLightHistoryAsync(GetLightHistoryRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetLightHistoryMethod, request, options);

    public AsyncUnaryCall<EvaluateLightsResponse> EvaluateLightsAsync(EvaluateLightsRequest request, CallOptions options = default) =>
        channel.UnaryCall(EvaluateLightsMethod, request, options);

    public AsyncUnaryCall<Board> GetBoardAsync(GetBoardRequest request, CallOptions options = default) =>
        channel.UnaryCall(GetBoardMethod, request, options);

    public AsyncUnaryCall<RankUnitsResponse> RankUnitsAsync(RankUnitsRequest request, CallOptions options = default) =>
        channel.UnaryCall(RankUnitsMethod, request, options);

    public AsyncUnaryCall<ListExitCandidatesResponse> ListExitCandidatesAsync(ListExitCandidatesRequest request, CallOptions options = default) =>
        channel.UnaryCall(ListExitCandidatesMethod, request, options);
}
