using ProjectHub.Escalation.Alerts;
using Ladder = ProjectHub.Escalation.Domain.Ladders.Ladder;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Escalation.Problems;
using ProjectHub.Escalation.V1;
using ProjectHub.Grpc;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Api;

/// <summary>
/// projecthub.escalation.v1.Escalation: a thin adapter from the wire to the use cases. Every call is authenticated by
/// the bearer-token filter; the use cases authorize the caller (<see cref="EscalationAccess"/>) before writing.
/// </summary>
[GrpcService(typeof(EscalationReflection), "projecthub.escalation.v1.Escalation")]
public sealed class EscalationService(IServiceScopeFactory scopes, Ladder ladder, TimeProvider time, AlertStream alertStream)
{
    public Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new ServiceInfo { Name = "projecthub.escalation.v1.Escalation", Version = typeof(EscalationService).Assembly.GetName().Version?.ToString() ?? "" });

    public Task<V1.Problem> RaiseProblem(RaiseProblemRequest request, ServerCallContext context) =>
        ProblemCall<RaiseProblem>(context, (h, caller, ct) =>
            h.HandleAsync(request.ProjectId, ProtoMapping.FromProto(request.Category), request.Description, caller, ct));

    public Task<V1.Problem> GetProblem(GetProblemRequest request, ServerCallContext context) =>
        ProblemCall<ProblemQueries>(context, (h, caller, ct) => h.GetAsync(request.ProblemId, caller, ct));

    public Task<ListProblemsResponse> ListProblems(ListProblemsRequest request, ServerCallContext context) =>
        InScope<ProblemQueries, ListProblemsResponse>(async (h, ct) =>
        {
            var (rows, next) = await h.ListAsync(
                request.ProjectId, request.TierId, ProtoMapping.FromProto(request.State), ProtoMapping.FromProto(request.Category),
                request.OverdueOnly, request.PageSize, request.PageToken, Actor.Of(context), ct);
            var now = time.GetUtcNow();
            var response = new ListProblemsResponse { NextPageToken = next };
            response.Problems.AddRange(rows.Select(r => ProtoMapping.ToProto(r, ladder, now)));
            return response;
        }, context);

    public Task<V1.Problem> AcknowledgeProblem(AcknowledgeProblemRequest request, ServerCallContext context) =>
        ProblemCall<AcknowledgeProblem>(context, (h, caller, ct) => h.HandleAsync(request.ProblemId, caller, ct));

    public Task<V1.Problem> ResolveProblem(ResolveProblemRequest request, ServerCallContext context) =>
        ProblemCall<ResolveProblem>(context, (h, caller, ct) => h.HandleAsync(request.ProblemId, request.Resolution, caller, ct));

    public Task<V1.Problem> EscalateProblem(EscalateProblemRequest request, ServerCallContext context) =>
        ProblemCall<EscalateProblem>(context, (h, caller, ct) => h.HandleAsync(request.ProblemId, request.Reason, caller, ct));

    public Task<V1.Problem> ReopenProblem(ReopenProblemRequest request, ServerCallContext context) =>
        ProblemCall<ReopenProblem>(context, (h, caller, ct) => h.HandleAsync(request.ProblemId, request.Reason, caller, ct));

    public Task<ProblemHistory> GetProblemHistory(GetProblemHistoryRequest request, ServerCallContext context) =>
        InScope<ProblemQueries, ProblemHistory>(async (h, ct) =>
        {
            var rows = await h.HistoryAsync(request.ProblemId, Actor.Of(context), ct);
            var response = new ProblemHistory { ProblemId = rows.FirstOrDefault()?.ProblemId.ToString() ?? request.ProblemId };
            response.Entries.AddRange(rows.Select(r => ProtoMapping.ToProto(r, ladder)));
            return response;
        }, context);

    // Any authenticated caller (the bearer-token filter has checked that): the ladder is public configuration.
    public Task<V1.Ladder> GetLadder(GetLadderRequest request, ServerCallContext context) =>
        Task.FromResult(ProtoMapping.ToProto(ladder));

    public Task SubscribeAlerts(SubscribeAlertsRequest request, IServerStreamWriter<V1.Alert> responseStream, ServerCallContext context) =>
        alertStream.RunAsync(
            request.RecipientId, Actor.Of(context), row => responseStream.WriteAsync(ProtoMapping.ToProto(row)), context.CancellationToken);

    public Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context) =>
        InScope<AlertQueries, ListAlertsResponse>(async (h, ct) =>
        {
            var (rows, next) = await h.ListAsync(
                request.RecipientId, request.IncludeAcknowledged, request.PageSize, request.PageToken, Actor.Of(context), ct);
            var response = new ListAlertsResponse { NextPageToken = next };
            response.Alerts.AddRange(rows.Select(ProtoMapping.ToProto));
            return response;
        }, context);

    public Task<V1.Alert> AcknowledgeAlert(AcknowledgeAlertRequest request, ServerCallContext context) =>
        InScope<AlertQueries, V1.Alert>(async (h, ct) =>
            ProtoMapping.ToProto(await h.AcknowledgeAsync(request.AlertId, Actor.Of(context), ct)), context);

    private Task<V1.Problem> ProblemCall<THandler>(ServerCallContext context, Func<THandler, Caller, CancellationToken, Task<ProblemRow>> call)
        where THandler : notnull =>
        InScope<THandler, V1.Problem>(async (h, ct) =>
            ProtoMapping.ToProto(await call(h, Actor.Of(context), ct), ladder, time.GetUtcNow()), context);

    // One DI scope (one DbContext) per call, and domain refusals mapped to statuses in one place.
    private async Task<TResult> InScope<THandler, TResult>(Func<THandler, CancellationToken, Task<TResult>> call, ServerCallContext context)
        where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<THandler>();
        return await DomainErrors.Translate(() => call(handler, context.CancellationToken));
    }
}
