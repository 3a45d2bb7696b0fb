using ProjectHub.Escalation.Domain.Problems;

namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>Which problem events cause alerts, and the trigger each becomes.</summary>
public static class ProblemAlertTriggers
{
    /// <summary>The alert trigger for <paramref name="event"/>, or null when it alerts nobody.</summary>
    public static AlertTrigger? From(ProblemEvent @event, ProjectRouting project) => @event switch
    {
        ProblemRaised e => new ProblemArrivedTrigger(project, e.OccurredAt, e.ProblemId, e.Tier, e.Deadline),
        ProblemEscalated e => new ProblemArrivedTrigger(project, e.OccurredAt, e.ProblemId, e.To, e.Deadline),
        DeadlineApproaching e => new DeadlineApproachingTrigger(project, e.OccurredAt, e.ProblemId, e.Tier, e.Deadline),
        TopTierOverdueReminder e => new TopTierOverdueTrigger(project, e.OccurredAt, e.ProblemId, e.Tier, e.Deadline, e.RemindedOn),
        _ => null,
    };
}
