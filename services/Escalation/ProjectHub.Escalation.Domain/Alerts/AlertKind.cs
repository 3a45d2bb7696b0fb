namespace ProjectHub.Escalation.Domain.Alerts;

public enum AlertKind
{
    ProblemArrived,
    ProjectTurnedRed,
    ProjectTurnedYellow,
    ApprovalOverdue,
    DeadlineApproaching,
    TopTierOverdue,
}
