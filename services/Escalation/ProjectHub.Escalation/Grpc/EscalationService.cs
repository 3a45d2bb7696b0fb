using Grpc.Core;
using ProjectHub.Escalation.Alerts;
using ProjectHub.Escalation.Problems;
using ProjectHub.Escalation.V1;
using ProjectHub.Escalation.Wire;
using ProjectHub.Hosting.Security;
using ProjectHub.Type.V1;
using ProjectHub.Wire;
using Ladder = ProjectHub.Escalation.Domain.Ladders.Ladder;

namespace ProjectHub.Escalation.Grpc;

/// <summary>
/// projecthub.escalation.v1.Escalation: a thin adapter from the wire to the use cases, which take and return domain
/// values and authorize the caller (<see cref="Access.EscalationAccess"/>) before writing. Every method needs an
/// authenticated caller; refusals become statuses in the hosting library's error interceptor.
/// </summary>
public sealed class EscalationService(IServiceProvider services, Ladder ladder, TimeProvider time, ProjectHub.Calendar.IWorkingCalendar calendar) : V1.Escalation.EscalationBase
{
    public const string Name = "projecthub.escalation.v1.Escalation";

    public override Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(WireServiceInfo.Of(Name, typeof(EscalationService).Assembly));

    public override async Task<V1.Problem> RaiseProblem(RaiseProblemRequest request, ServerCallContext context) =>
        await ToWire(await Use<RaiseProblem>().HandleAsync(
            request.ProjectId, EscalationWire.FromWire(request.Category), request.Description, context.Caller(), context.CancellationToken));

    public override async Task<V1.Problem> GetProblem(GetProblemRequest request, ServerCallContext context) =>
        await ToWire(await Use<ProblemQueries>().GetAsync(request.ProblemId, context.Caller(), context.CancellationToken));

    public override async Task<ListProblemsResponse> ListProblems(ListProblemsRequest request, ServerCallContext context)
    {
        var (rows, next) = await Use<ProblemQueries>().ListAsync(
            request.ProjectId, request.TierId, EscalationWire.FromWire(request.State), EscalationWire.FromWire(request.Category),
            request.OverdueOnly, request.PageSize, request.PageToken, context.Caller(), context.CancellationToken);
        var now = time.GetUtcNow();
        var names = await NamesAsync(rows.Select(r => r.ProjectId), context.CancellationToken);
        var response = new ListProblemsResponse { NextPageToken = next };
        response.Problems.AddRange(rows.Select(r => EscalationWire.ToWire(r, ladder, now, calendar, names.GetValueOrDefault(r.ProjectId, ""))));
        return response;
    }

    public override async Task<V1.Problem> AcknowledgeProblem(AcknowledgeProblemRequest request, ServerCallContext context) =>
        await ToWire(await Use<AcknowledgeProblem>().HandleAsync(request.ProblemId, context.Caller(), context.CancellationToken));

    public override async Task<V1.Problem> ResolveProblem(ResolveProblemRequest request, ServerCallContext context) =>
        await ToWire(await Use<ResolveProblem>().HandleAsync(request.ProblemId, request.Resolution, context.Caller(), context.CancellationToken));

    public override async Task<V1.Problem> EscalateProblem(EscalateProblemRequest request, ServerCallContext context) =>
        await ToWire(await Use<EscalateProblem>().HandleAsync(request.ProblemId, request.Reason, context.Caller(), context.CancellationToken));

    public override async Task<V1.Problem> ReopenProblem(ReopenProblemRequest request, ServerCallContext context) =>
        await ToWire(await Use<ReopenProblem>().HandleAsync(request.ProblemId, request.Reason, context.Caller(), context.CancellationToken));

    public override async Task<ProblemHistory> GetProblemHistory(GetProblemHistoryRequest request, ServerCallContext context)
    {
        var rows = await Use<ProblemQueries>().HistoryAsync(request.ProblemId, context.Caller(), context.CancellationToken);
        var response = new ProblemHistory { ProblemId = rows.FirstOrDefault()?.ProblemId.ToString() ?? request.ProblemId };
        response.Entries.AddRange(rows.Select(r => EscalationWire.ToWire(r, ladder)));
        return response;
    }

    // Any authenticated caller: the ladder is public configuration.
    public override Task<V1.Ladder> GetLadder(GetLadderRequest request, ServerCallContext context) =>
        Task.FromResult(EscalationWire.ToWire(ladder));

    public override Task SubscribeAlerts(SubscribeAlertsRequest request, IServerStreamWriter<V1.Alert> responseStream, ServerCallContext context) =>
        Use<AlertFeed>().RunAsync(
            request.RecipientId, context.Caller(), (row, name) => responseStream.WriteAsync(EscalationWire.ToWire(row, name)), context.CancellationToken);

    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        var (rows, next) = await Use<AlertQueries>().ListAsync(
            request.RecipientId, request.IncludeAcknowledged, request.PageSize, request.PageToken, context.Caller(), context.CancellationToken);
        var names = await NamesAsync(rows.Select(r => r.ProjectId), context.CancellationToken);
        var response = new ListAlertsResponse { NextPageToken = next };
        response.Alerts.AddRange(rows.Select(r => EscalationWire.ToWire(r, names.GetValueOrDefault(r.ProjectId, ""))));
        return response;
    }

    public override async Task<V1.Alert> AcknowledgeAlert(AcknowledgeAlertRequest request, ServerCallContext context)
    {
        var row = await Use<AlertQueries>().AcknowledgeAsync(request.AlertId, request.Sequence, context.Caller(), context.CancellationToken);
        var names = await NamesAsync([row.ProjectId], context.CancellationToken);
        return EscalationWire.ToWire(row, names.GetValueOrDefault(row.ProjectId, ""));
    }

    private async Task<V1.Problem> ToWire(Persistence.ProblemRow row)
    {
        var names = await NamesAsync([row.ProjectId], CancellationToken.None);
        return EscalationWire.ToWire(row, ladder, time.GetUtcNow(), calendar, names.GetValueOrDefault(row.ProjectId, ""));
    }

    private Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> projectIds, CancellationToken ct) =>
        ProjectRoutingLookup.NamesAsync(Use<Persistence.EscalationDbContext>(), projectIds, ct);

    // Resolved per call from the call's scope, so each RPC builds only what it needs.
    private T Use<T>()
        where T : notnull => services.GetRequiredService<T>();
}
