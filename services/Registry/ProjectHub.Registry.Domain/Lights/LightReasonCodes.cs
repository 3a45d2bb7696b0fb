namespace ProjectHub.Registry.Domain.Lights;

/// <summary>Stable reason codes: clients, alerts and history key on these, so never rename one.</summary>
public static class LightReasonCodes
{
    public const string LagRed = "LAG_RED";
    public const string NotStartedRed = "NOT_STARTED_RED";
    public const string NoReportRed = "NO_REPORT_RED";
    public const string SuspendedRed = "SUSPENDED_RED";
    public const string MilestoneOverdueRed = "MILESTONE_OVERDUE_RED";

    public const string LagYellow = "LAG_YELLOW";
    public const string StartPassedYellow = "START_PASSED_YELLOW";
    public const string NoReportYellow = "NO_REPORT_YELLOW";
    public const string SuspendedYellow = "SUSPENDED_YELLOW";
    public const string MilestoneOverdueYellow = "MILESTONE_OVERDUE_YELLOW";
    public const string ApprovalOverdueYellow = "APPROVAL_OVERDUE_YELLOW";
}
