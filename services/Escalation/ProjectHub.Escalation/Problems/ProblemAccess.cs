using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Grpc;

namespace ProjectHub.Escalation.Problems;

/// <summary>
/// Loading a problem for a command, and who may act on it. Rule (until roles land with auth): acknowledging,
/// resolving and escalating are for the handlers of the problem's CURRENT tier — exactly the recipients its
/// "problem arrived" alert goes to (e.g. the responsible/owner unit at tier 1, the department at tier 2) — and for the
/// DRC ids, who may act everywhere. Anyone else is PERMISSION_DENIED. Reopening is the raiser's (the domain checks).
/// </summary>
public sealed class ProblemAccess(AlertRouter router, RecipientDirectoryOptions directory, EscalationRules rules)
{
    public static Guid ParseId(string problemId) =>
        Guid.TryParse(problemId, out var id)
            ? id
            : throw RpcException.InvalidArgument("problem_id", "problem_id must be a problem id (a UUID).");

    public static async Task<(ProblemRow Row, Problem Problem)> LoadAsync(EscalationDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Problems.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw RpcException.NotFound($"Problem {id} does not exist.");
        return (row, row.ToDomain());
    }

    public void EnsureTierHandler(Problem problem, ProjectRouting routing, string actor, DateTimeOffset now)
    {
        if (directory.DrcRecipientIds.Contains(actor, StringComparer.Ordinal))
        {
            return;
        }

        var tier = rules.Ladder.TierAtOrNull(problem.TierIndex);
        if (tier is null)
        {
            return; // The domain refuses problems beyond the ladder with its own, more precise error.
        }

        var handlers = router.RecipientsFor(new ProblemArrivedTrigger(routing, now, problem.Id, tier, problem.TierDeadline));
        if (!handlers.Contains(actor, StringComparer.Ordinal))
        {
            throw RpcException.PermissionDenied(
                $"'{actor}' does not handle problems at {tier.Id} for project {problem.ProjectId}; handlers: {string.Join(", ", handlers)}.");
        }
    }
}
