using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Grpc;

namespace ProjectHub.Escalation.Problems;

/// <summary>
/// The shape shared by commands on an existing problem: load, check the actor, apply the domain step, record and commit
/// in one transaction. A refusal throws before anything is added, so it changes nothing.
/// </summary>
public sealed class ProblemCommand(ChangeRecorder recorder, ProblemAccess access, EscalationRules rules, TimeProvider time)
{
    public EscalationRules Rules => rules;

    public async Task<ProblemRow> RunAsync(
        string problemId, string actor, bool tierHandlersOnly, Func<Problem, DateTimeOffset, ProblemChange> step, CancellationToken ct)
    {
        var id = ProblemAccess.ParseId(problemId);
        var (row, problem) = await ProblemAccess.LoadAsync(recorder.Db, id, ct);
        var now = time.GetUtcNow();
        var routing = await recorder.RoutingAsync(problem.ProjectId, ct);
        if (tierHandlersOnly)
        {
            access.EnsureTierHandler(problem, routing, actor, now);
        }

        var change = step(problem, now);
        row.CopyFrom(problem, rules.Ladder);
        await recorder.RecordAsync(problem, change, routing, ct);
        await recorder.SaveAsync(ct);
        return row;
    }

    public static void Require(string value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RpcException.InvalidArgument(field, message);
        }
    }
}
