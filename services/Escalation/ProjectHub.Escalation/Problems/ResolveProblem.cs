using ProjectHub.Escalation.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Problems;

/// <summary>Closes a problem with a resolution; publishes ProblemResolved through the outbox.</summary>
public sealed class ResolveProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, string resolution, Caller caller, CancellationToken ct)
    {
        ProblemText.RequireMultiLine(resolution, "resolution", ProblemText.MaxResolutionLength, "A resolution saying what was done is required.");
        return command.RunAsTierHandlerAsync(
            problemId, caller, (p, now) => p.Resolve(caller.Subject, resolution, now, command.Rules), ct);
    }
}
