using ProjectHub.Escalation.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Problems;

/// <summary>"Beyond our authority": one tier up, by hand; publishes ProblemEscalated through the outbox.</summary>
public sealed class EscalateProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, string reason, Caller caller, CancellationToken ct)
    {
        ProblemText.RequireMultiLine(reason, "reason", ProblemText.MaxReasonLength, "Escalating by hand needs a reason.");
        return command.RunAsTierHandlerAsync(
            problemId, caller, (p, now) => p.EscalateByHand(caller.Subject, reason, now, command.Rules), ct);
    }
}
