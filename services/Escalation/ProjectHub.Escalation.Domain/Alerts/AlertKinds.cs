namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>English wire codes and Chinese titles of <see cref="AlertKind"/>.</summary>
public static class AlertKinds
{
    public static string Code(AlertKind kind) => kind switch
    {
        AlertKind.ProblemArrived => "PROBLEM_ARRIVED",
        AlertKind.ProjectTurnedRed => "PROJECT_RED",
        AlertKind.ProjectTurnedYellow => "PROJECT_YELLOW",
        AlertKind.ApprovalOverdue => "APPROVAL_OVERDUE",
        AlertKind.DeadlineApproaching => "DEADLINE_APPROACHING",
        AlertKind.TopTierOverdue => "TOP_TIER_OVERDUE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown alert kind."),
    };

    public static string ChineseTitle(AlertKind kind) => kind switch
    {
        AlertKind.ProblemArrived => "问题待协调",
        AlertKind.ProjectTurnedRed => "项目红灯预警",
        AlertKind.ProjectTurnedYellow => "项目黄灯预警",
        AlertKind.ApprovalOverdue => "审批超时",
        AlertKind.DeadlineApproaching => "临期提醒",
        AlertKind.TopTierOverdue => "最高层级超期提醒",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown alert kind."),
    };
}
