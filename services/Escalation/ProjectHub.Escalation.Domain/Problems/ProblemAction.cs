namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>What a history (audit) entry records.</summary>
public enum ProblemAction
{
    Raised,
    Acknowledged,
    Resolved,
    EscalatedByHand,
    EscalatedAutomatically,
    Reopened,
    ProjectGreenNoted,
    DeadlineApproachingNoticed,
    TopTierOverdueReminded,
}
