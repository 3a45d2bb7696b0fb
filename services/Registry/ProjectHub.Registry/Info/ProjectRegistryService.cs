using ProjectHub.Grpc;
using ProjectHub.Hosting.Security;
using ProjectHub.Registry.Board;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Projects;
using ProjectHub.Registry.Reports;
using ProjectHub.Registry.V1;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Info;

/// <summary>
/// projecthub.registry.v1.ProjectRegistry: a thin adapter from RPCs to the use cases. Every method but health and
/// reflection has an authenticated caller (BearerTokenFilter); the use cases decide with <see cref="RegistryAccess"/>
/// what it may do. GetServiceInfo is open to any authenticated caller.
/// </summary>
[GrpcService(typeof(RegistryReflection), "projecthub.registry.v1.ProjectRegistry")]
public sealed class ProjectRegistryService(IServiceProvider services)
{
    public Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new ServiceInfo { Name = "projecthub.registry.v1.ProjectRegistry", Version = typeof(ProjectRegistryService).Assembly.GetName().Version?.ToString() ?? "" });

    public Task<Project> RegisterProject(RegisterProjectRequest request, ServerCallContext context) =>
        Use<RegisterProject>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<Project> GetProject(GetProjectRequest request, ServerCallContext context) =>
        Use<ProjectQueries>().GetAsync(request.ProjectId, context.Caller(), context.CancellationToken);

    public Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context) =>
        Use<ProjectQueries>().ListAsync(request, context.Caller(), context.CancellationToken);

    public Task<Project> UpdateProject(UpdateProjectRequest request, ServerCallContext context) =>
        Use<UpdateProject>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<Project> ReplanProject(ReplanProjectRequest request, ServerCallContext context) =>
        Use<ReplanProject>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<Project> ChangeStage(ChangeStageRequest request, ServerCallContext context) =>
        Use<ChangeStage>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<Project> ExitProject(ExitProjectRequest request, ServerCallContext context) =>
        Use<ExitProject>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<ProjectHistory> GetProjectHistory(GetProjectHistoryRequest request, ServerCallContext context) =>
        Use<ProjectQueries>().HistoryAsync(request.ProjectId, context.Caller(), context.CancellationToken);

    public Task<SubmitProgressReportResponse> SubmitProgressReport(SubmitProgressReportRequest request, ServerCallContext context) =>
        Use<SubmitProgressReport>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<ListProgressReportsResponse> ListProgressReports(ListProgressReportsRequest request, ServerCallContext context) =>
        Use<ListProgressReports>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<LightStatus> GetLight(GetLightRequest request, ServerCallContext context) =>
        Use<LightQueries>().GetAsync(request.ProjectId, context.Caller(), context.CancellationToken);

    public Task<LightHistory> GetLightHistory(GetLightHistoryRequest request, ServerCallContext context) =>
        Use<LightQueries>().HistoryAsync(request.ProjectId, context.Caller(), context.CancellationToken);

    public async Task<EvaluateLightsResponse> EvaluateLights(EvaluateLightsRequest request, ServerCallContext context)
    {
        // The sweep itself is shared with the daily timer, which has no caller; so the check is made here.
        RegistryAccess.RequireManage(context.Caller(), "evaluate lights");
        var result = await Use<LightSweep>().RunAsync(context.CancellationToken);
        return new EvaluateLightsResponse { Evaluated = result.Evaluated, Changed = result.Changed, Lights = LightQueries.Tally(result.Lights) };
    }

    public Task<V1.Board> GetBoard(GetBoardRequest request, ServerCallContext context) =>
        Use<GetBoard>().HandleAsync(context.Caller(), context.CancellationToken);

    public Task<RankUnitsResponse> RankUnits(RankUnitsRequest request, ServerCallContext context) =>
        Use<RankUnits>().HandleAsync(request, context.Caller(), context.CancellationToken);

    public Task<ListExitCandidatesResponse> ListExitCandidates(ListExitCandidatesRequest request, ServerCallContext context) =>
        Use<ListExitCandidates>().HandleAsync(context.Caller(), context.CancellationToken);

    // Use cases are resolved per call so each RPC only builds what it needs.
    private T Use<T>()
        where T : notnull => services.GetRequiredService<T>();
}
