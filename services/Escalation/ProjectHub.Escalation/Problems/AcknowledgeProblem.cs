using ProjectHub.Escalation.Persistence;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Problems;

/// <summary>签收: the current tier's handler takes the problem on.</summary>
public sealed class AcknowledgeProblem(ProblemCommand command)
{
    public Task<ProblemRow> HandleAsync(string problemId, Caller caller, CancellationToken ct) =>
        command.RunAsTierHandlerAsync(problemId, caller, (p, now) => p.Acknowledge(caller.Subject, now, command.Rules), ct);
}
