using ProjectHub.Escalation.Persistence;

namespace ProjectHub.Escalation.Problems;

/// <summary>"Beyond our authority": one tier up, by hand; publishes ProblemEscalated through the outbox.</summary>
public sealed class EscalateProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, string reason, string actor, CancellationToken ct)
    {
        ProblemCommand.Require(reason, "reason", "Escalating by hand needs a reason.");
        return command.RunAsync(problemId, actor, tierHandlersOnly: true, (p, now) => p.EscalateByHand(actor, reason, now, command.Rules), ct);
    }
}
