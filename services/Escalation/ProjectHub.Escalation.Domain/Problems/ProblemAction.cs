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

    /// <summary>The supervision case's project changed light other than to GREEN (to YELLOW, to no light, RED again).</summary>
    ProjectLightNoted,

    /// <summary>The tier's deadline counted again with the calendar in force now (a year's holiday data arrived).</summary>
    DeadlineRecounted,
}
