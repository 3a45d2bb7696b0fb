using System.Globalization;
using ProjectHub.Escalation.Domain.Ladders;

namespace ProjectHub.Escalation.Domain.Alerts;

// Everything that can cause alerts, as one closed family. Each trigger names its occurrence by a key built only from
// its own facts, so the same trigger delivered twice produces alerts with the same ids.

public abstract record AlertTrigger(ProjectRouting Project, DateTimeOffset OccurredAt)
{
    public abstract AlertKind Kind { get; }

    /// <summary>Identifies this occurrence among all triggers of its kind.</summary>
    public abstract string OccurrenceKey { get; }

    /// <summary>Human-readable alert text (Chinese).</summary>
    public abstract string Body { get; }

    protected static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A trigger about one problem at one tier.</summary>
public abstract record ProblemAlertTrigger(ProjectRouting Project, DateTimeOffset OccurredAt, Guid ProblemId, LadderTier Tier)
    : AlertTrigger(Project, OccurredAt);

/// <summary>A problem arrived at <see cref="ProblemAlertTrigger.Tier"/> (raised at tier 1, or escalated).</summary>
public sealed record ProblemArrivedTrigger(ProjectRouting Project, DateTimeOffset OccurredAt, Guid ProblemId, LadderTier Tier, DateOnly Deadline)
    : ProblemAlertTrigger(Project, OccurredAt, ProblemId, Tier)
{
    public override AlertKind Kind => AlertKind.ProblemArrived;

    // A problem only climbs, so it reaches each tier at most once.
    public override string OccurrenceKey => $"{ProblemId:N}/{Tier.Id}";

    public override string Body =>
        $"项目{Project.Label}的问题已到达{Tier.ChineseName}（第{Tier.Number}级），请于 {Day(Deadline)} 前协调解决。";
}

/// <summary>临期提醒 for the current tier's handlers.</summary>
public sealed record DeadlineApproachingTrigger(ProjectRouting Project, DateTimeOffset OccurredAt, Guid ProblemId, LadderTier Tier, DateOnly Deadline)
    : ProblemAlertTrigger(Project, OccurredAt, ProblemId, Tier)
{
    public override AlertKind Kind => AlertKind.DeadlineApproaching;

    public override string OccurrenceKey => $"{ProblemId:N}/{Tier.Id}/{Day(Deadline)}";

    public override string Body =>
        $"项目{Project.Label}的问题在{Tier.ChineseName}的办理期限为 {Day(Deadline)}，剩余不足一个工作日。";
}

/// <summary>A daily reminder that a problem is overdue at the top tier.</summary>
public sealed record TopTierOverdueTrigger(
    ProjectRouting Project, DateTimeOffset OccurredAt, Guid ProblemId, LadderTier Tier, DateOnly Deadline, DateOnly RemindedOn)
    : ProblemAlertTrigger(Project, OccurredAt, ProblemId, Tier)
{
    public override AlertKind Kind => AlertKind.TopTierOverdue;

    public override string OccurrenceKey => $"{ProblemId:N}/{Day(RemindedOn)}";

    public override string Body =>
        $"项目{Project.Label}的问题在{Tier.ChineseName}已超期（期限 {Day(Deadline)}），请尽快研究调度。";
}

public sealed record ProjectTurnedRedTrigger(ProjectRouting Project, DateTimeOffset OccurredAt) : AlertTrigger(Project, OccurredAt)
{
    public override AlertKind Kind => AlertKind.ProjectTurnedRed;

    public override string OccurrenceKey => $"{Project.ProjectId}/{Instant(OccurredAt)}";

    public override string Body => $"项目{Project.Label}转为红灯预警，已启动督办。";
}

public sealed record ProjectTurnedYellowTrigger(ProjectRouting Project, DateTimeOffset OccurredAt) : AlertTrigger(Project, OccurredAt)
{
    public override AlertKind Kind => AlertKind.ProjectTurnedYellow;

    public override string OccurrenceKey => $"{Project.ProjectId}/{Instant(OccurredAt)}";

    public override string Body => $"项目{Project.Label}转为黄灯预警，请关注推进情况。";
}

/// <summary>An approval item passed its time limit; goes to the approving department and the owner.</summary>
public sealed record ApprovalOverdueTrigger(
    ProjectRouting Project, DateTimeOffset OccurredAt, string ApprovalItemId, string ApprovalName, string ApprovingDepartmentId, DateOnly DueDate)
    : AlertTrigger(Project, OccurredAt)
{
    public override AlertKind Kind => AlertKind.ApprovalOverdue;

    // The due date is part of the key: a resubmitted item gets a new time limit and may fall overdue again.
    public override string OccurrenceKey => $"{Project.ProjectId}/{ApprovalItemId}/{Day(DueDate)}";

    public override string Body => $"项目{Project.Label}的审批事项“{ApprovalName}”已超过办理时限（{Day(DueDate)}）。";
}
