using Grpc.Core;
using ProjectHub.Hosting.Security;
using ProjectHub.Registry.Board;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Projects;
using ProjectHub.Registry.Reports;
using ProjectHub.Registry.V1;
using ProjectHub.Registry.Wire;
using ProjectHub.Type.V1;
using ProjectHub.Wire;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Grpc;

/// <summary>
/// projecthub.registry.v1.ProjectRegistry: a thin adapter from the wire to the use cases, which take and return
/// domain values and decide with <see cref="Access.RegistryAccess"/> what the caller may do. Every method needs an
/// authenticated caller (GetServiceInfo any of them); refusals become statuses in the hosting library's error
/// interceptor.
/// </summary>
public sealed class ProjectRegistryService(IServiceProvider services) : V1.ProjectRegistry.ProjectRegistryBase
{
    public const string Name = "projecthub.registry.v1.ProjectRegistry";

    public override Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(WireServiceInfo.Of(Name, typeof(ProjectRegistryService).Assembly));

    public override async Task<Project> RegisterProject(RegisterProjectRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<RegisterProject>().HandleAsync(ProjectWire.ToCommand(request), context.Caller(), context.CancellationToken));

    public override async Task<Project> GetProject(GetProjectRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<ProjectQueries>().GetAsync(request.ProjectId, context.Caller(), context.CancellationToken));

    public override async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<ProjectQueries>().ListAsync(ProjectWire.ToFilter(request), context.Caller(), context.CancellationToken));

    public override async Task<Project> UpdateProject(UpdateProjectRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<UpdateProject>().HandleAsync(ProjectWire.ToCommand(request), context.Caller(), context.CancellationToken));

    public override async Task<Project> ReplanProject(ReplanProjectRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<ReplanProject>().HandleAsync(ProjectWire.ToCommand(request), context.Caller(), context.CancellationToken));

    public override async Task<Project> ChangeStage(ChangeStageRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<ChangeStage>().HandleAsync(ProjectWire.ToCommand(request), context.Caller(), context.CancellationToken));

    public override async Task<Project> ExitProject(ExitProjectRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<ExitProject>().HandleAsync(request.ProjectId, request.Reason, context.Caller(), context.CancellationToken));

    public override async Task<ProjectHistory> GetProjectHistory(GetProjectHistoryRequest request, ServerCallContext context) =>
        ProjectWire.ToWire(await Use<ProjectQueries>().HistoryAsync(request.ProjectId, context.Caller(), context.CancellationToken));

    public override async Task<SubmitProgressReportResponse> SubmitProgressReport(SubmitProgressReportRequest request, ServerCallContext context) =>
        ReportWire.ToWire(await Use<SubmitProgressReport>().HandleAsync(ReportWire.ToCommand(request), context.Caller(), context.CancellationToken));

    public override async Task<ListProgressReportsResponse> ListProgressReports(ListProgressReportsRequest request, ServerCallContext context) =>
        ReportWire.ToWire(await Use<ListProgressReports>().HandleAsync(
            request.ProjectId, request.IncludeHistory, context.Caller(), context.CancellationToken));

    public override async Task<LightStatus> GetLight(GetLightRequest request, ServerCallContext context) =>
        LightWire.Status(await Use<LightQueries>().GetAsync(request.ProjectId, context.Caller(), context.CancellationToken));

    public override async Task<LightHistory> GetLightHistory(GetLightHistoryRequest request, ServerCallContext context) =>
        LightWire.ToWire(await Use<LightQueries>().HistoryAsync(request.ProjectId, context.Caller(), context.CancellationToken));

    public override async Task<EvaluateLightsResponse> EvaluateLights(EvaluateLightsRequest request, ServerCallContext context) =>
        LightWire.ToWire(await Use<EvaluateLights>().HandleAsync(context.Caller(), context.CancellationToken));

    public override async Task<V1.Board> GetBoard(GetBoardRequest request, ServerCallContext context) =>
        BoardWire.ToWire(await Use<GetBoard>().HandleAsync(context.Caller(), context.CancellationToken));

    public override async Task<RankUnitsResponse> RankUnits(RankUnitsRequest request, ServerCallContext context) =>
        BoardWire.ToWire(await Use<RankUnits>().HandleAsync(BoardWire.ToCommand(request), context.Caller(), context.CancellationToken));

    public override async Task<ListExitCandidatesResponse> ListExitCandidates(ListExitCandidatesRequest request, ServerCallContext context) =>
        BoardWire.ToWire(await Use<ListExitCandidates>().HandleAsync(context.Caller(), context.CancellationToken));

    // Resolved per call from the call's scope (Grpc.AspNetCore creates this service per call), so each RPC builds
    // only what it needs.
    private T Use<T>()
        where T : notnull => services.GetRequiredService<T>();
}
