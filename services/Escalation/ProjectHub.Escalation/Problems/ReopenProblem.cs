using ProjectHub.Escalation.Access;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Problems;

/// <summary>The raiser rejects a resolution; the DRC or an admin may reopen on the raiser's behalf.</summary>
public sealed class ReopenProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, string reason, Caller caller, CancellationToken ct)
    {
        ProblemText.RequireMultiLine(reason, "reason", ProblemText.MaxReasonLength, "Reopening needs a reason for rejecting the resolution.");
        return command.RunAsync(
            problemId,
            (problem, _) => EscalationAccess.EnsureMayReopen(caller, problem.RaisedBy),
            (p, now) => p.Reopen(caller.Subject, reason, now, command.Rules, onBehalfOfRaiser: !IsRaiser(p, caller)),
            ct);
    }

    private static bool IsRaiser(Domain.Problems.Problem problem, Caller caller) =>
        string.Equals(problem.RaisedBy, caller.Subject, StringComparison.Ordinal);
}
