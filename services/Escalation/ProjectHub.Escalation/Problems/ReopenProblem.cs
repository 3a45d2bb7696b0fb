using ProjectHub.Escalation.Persistence;

namespace ProjectHub.Escalation.Problems;

/// <summary>The raiser rejects a resolution; the domain enforces that only the raiser may.</summary>
public sealed class ReopenProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, string reason, string actor, CancellationToken ct)
    {
        ProblemCommand.Require(reason, "reason", "Reopening needs a reason for rejecting the resolution.");
        return command.RunAsync(problemId, actor, tierHandlersOnly: false, (p, now) => p.Reopen(actor, reason, now, command.Rules), ct);
    }
}
