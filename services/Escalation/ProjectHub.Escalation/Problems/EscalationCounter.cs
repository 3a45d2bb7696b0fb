using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Hosting.Observability;

namespace ProjectHub.Escalation.Problems;

/// <summary>Counts the ladder steps of a change in projecthub.escalations — call after the commit, so a step rolled back
/// by a concurrent replica is not counted.</summary>
public static class EscalationCounter
{
    public static void Count(ProblemChange change)
    {
        foreach (var step in change.History)
        {
            if (step.Action is ProblemAction.EscalatedAutomatically or ProblemAction.EscalatedByHand)
            {
                // Tier numbers are 1-based on the wire and in dashboards; the history keeps ladder indexes.
                ProjectHubMetrics.EscalationRaised(step.ToTierIndex + 1, step.Action == ProblemAction.EscalatedAutomatically);
            }
        }
    }
}
