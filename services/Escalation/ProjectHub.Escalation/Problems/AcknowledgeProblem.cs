using ProjectHub.Escalation.Persistence;

namespace ProjectHub.Escalation.Problems;

/// <summary>签收: the current tier's handler takes the problem on.</summary>
public sealed class AcknowledgeProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, string actor, CancellationToken ct) =>
        command.RunAsync(problemId, actor, tierHandlersOnly: true, (p, now) => p.Acknowledge(actor, now, command.Rules), ct);
}
