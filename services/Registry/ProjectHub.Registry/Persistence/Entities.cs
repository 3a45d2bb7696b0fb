namespace ProjectHub.Registry.Persistence;

// Persistence shapes. Instants are stored as unix milliseconds (long) so both SQLite and PostgreSQL can order by
// them; money and percents are decimals; lists that are only ever read whole are JSON text.

/// <summary>A project on the list, with its current baseline and its current light.</summary>
public sealed class ProjectRow
{
    public string Id { get; set; } = "";
    public string? NationalCode { get; set; }
    public string Name { get; set; } = "";
    public string Tier { get; set; } = "";
    public string Stage { get; set; } = "";
    public string? ExitReason { get; set; }
    public string Industry { get; set; } = "";
    public string Locality { get; set; } = "";
    public string OwnerUnit { get; set; } = "";
    public string ResponsibleUnit { get; set; } = "";
    public string IndustryDepartment { get; set; } = "";
    public string LeaderInCharge { get; set; } = "";
    public string ResponsiblePerson { get; set; } = "";
    public string ResponsibleContact { get; set; } = "";
    public decimal TotalInvestment { get; set; }
    public decimal YearPlannedInvestment { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedCompletion { get; set; }
    public DateOnly? ActualStart { get; set; }
    public int BaselineVersion { get; set; }
    public string MilestonesJson { get; set; } = "[]";
    public long RegisteredAtMs { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public long UpdatedAtMs { get; set; }
    public long? ReadyToStartAtMs { get; set; }

    // Current light state.
    public string Light { get; set; } = "None";
    public string LightReasonsJson { get; set; } = "[]";
    public decimal? PlannedPercent { get; set; }
    public decimal? ActualPercent { get; set; }
    public long? LightEvaluatedAtMs { get; set; }
    public DateOnly? RedSince { get; set; }
}

/// <summary>One version of a project's baseline; the highest version is the current one.</summary>
public sealed class BaselineRow
{
    public string ProjectId { get; set; } = "";
    public int Version { get; set; }
    public string MilestonesJson { get; set; } = "[]";
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedCompletion { get; set; }
    public long CreatedAtMs { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Reason { get; set; } = "";
}

/// <summary>One version of the report for a period; exactly one version per period is current.</summary>
public sealed class ReportRow
{
    public Guid Id { get; set; }
    public string ProjectId { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string PeriodName { get; set; } = "";
    public int Version { get; set; }
    public bool IsCurrent { get; set; }
    public decimal CumulativePercent { get; set; }
    public decimal PeriodInvestment { get; set; }
    public decimal CumulativeInvestment { get; set; }
    public int Workers { get; set; }
    public string State { get; set; } = "";
    public string ReachedMilestonesJson { get; set; } = "[]";
    public string Narrative { get; set; } = "";
    public string ProblemsJson { get; set; } = "[]";
    public long SubmittedAtMs { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public string SubmittedBy { get; set; } = "";
}

/// <summary>A recorded light assessment that differed from the previous one.</summary>
public sealed class LightHistoryRow
{
    public Guid Id { get; set; }
    public string ProjectId { get; set; } = "";
    public long AtMs { get; set; }
    public long Sequence { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string ReasonsJson { get; set; } = "[]";
    public decimal? PlannedPercent { get; set; }
    public decimal? ActualPercent { get; set; }
    public bool LightChanged { get; set; }
}

/// <summary>Who did what to a project, when and why.</summary>
public sealed class AuditRow
{
    public Guid Id { get; set; }
    public string ProjectId { get; set; } = "";
    public long AtMs { get; set; }
    public long Sequence { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Reason { get; set; } = "";
    public string ChangesJson { get; set; } = "[]";
}

/// <summary>An approval item the approval service reported overdue and has not cleared yet.</summary>
public sealed class OverdueApprovalRow
{
    public string ProjectId { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string ItemKind { get; set; } = "";
    public string ItemName { get; set; } = "";
    public DateOnly DueDate { get; set; }
}

/// <summary>A problem the escalation service resolved, for the ranking's resolution part.</summary>
public sealed class ResolvedProblemRow
{
    public Guid EventId { get; set; }
    public string ProblemId { get; set; } = "";
    public string ProjectId { get; set; } = "";
    public string ResponsibleUnit { get; set; } = "";
    public DateOnly ResolvedOn { get; set; }
    public int WorkingDays { get; set; }
}

/// <summary>
/// The claim of one Shanghai day's light sweep (Lights/SweepRuns, which reads and writes it in plain SQL): the primary
/// key makes exactly one replica's claim win.
/// </summary>
public sealed class SweepRunRow
{
    public string Day { get; set; } = "";
    public string ClaimedBy { get; set; } = "";
    public long ClaimedAtMs { get; set; }
    public long? FinishedAtMs { get; set; }
}
