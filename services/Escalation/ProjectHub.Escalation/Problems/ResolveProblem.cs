using ProjectHub.Escalation.Persistence;

namespace ProjectHub.Escalation.Problems;

/// <summary>Closes a problem with a resolution; publishes ProblemResolved through the outbox.</summary>
public sealed class ResolveProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, string resolution, string actor, CancellationToken ct)
    {
        ProblemCommand.Require(resolution, "resolution", "A resolution saying what was done is required.");
        return command.RunAsync(problemId, actor, tierHandlersOnly: true, (p, now) => p.Resolve(actor, resolution, now, command.Rules), ct);
    }
}
