using ProjectHub.Escalation.Access;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Problems;

/// <summary>
/// The shape shared by commands on an existing problem: load, check the caller, apply the domain step, record and
/// commit in one transaction. A refusal throws before anything is added, so it changes nothing.
/// </summary>
public sealed class ProblemCommand(ChangeRecorder recorder, EscalationRules rules, TimeProvider time)
{
    public EscalationRules Rules => rules;

    /// <summary>For the current tier's handlers only (acknowledge, resolve, escalate).</summary>
    public Task<ProblemRow> RunAsTierHandlerAsync(
        string problemId, Caller caller, Func<Problem, DateTimeOffset, ProblemChange> step, CancellationToken ct) =>
        RunAsync(problemId, (problem, project) =>
            EscalationAccess.EnsureMayHandle(caller, project, problem.ProjectId, rules.Ladder.TierAtOrNull(problem.TierIndex)?.Id ?? ""),
            step, ct);

    public async Task<ProblemRow> RunAsync(
        string problemId, Action<Problem, Domain.Alerts.ProjectRouting?> authorize, Func<Problem, DateTimeOffset, ProblemChange> step,
        CancellationToken ct)
    {
        var id = ProblemLoader.ParseId(problemId);
        var (row, problem) = await ProblemLoader.LoadAsync(recorder.Db, id, ct);
        var project = await recorder.KnownRoutingAsync(problem.ProjectId, ct);
        authorize(problem, project);

        var now = time.GetUtcNow();
        var change = step(problem, now);
        row.CopyFrom(problem, rules.Ladder);
        await recorder.RecordAsync(problem, change, project ?? await recorder.RoutingAsync(problem.ProjectId, ct), ct);
        await recorder.SaveAsync(ct);
        EscalationCounter.Count(change);
        return row;
    }
}
