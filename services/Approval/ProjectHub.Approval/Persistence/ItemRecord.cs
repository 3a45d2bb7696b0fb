namespace ProjectHub.Approval.Persistence;

/// <summary>
/// One required item. The requirement (departments, limits) is frozen when the case opens, so later rule changes
/// do not alter a case in progress; the state is rebuilt from <see cref="Timeline"/> and only denormalised here.
/// </summary>
public sealed class ItemRecord
{
    public long Id { get; set; }

    public string CaseId { get; set; } = "";

    /// <summary><see cref="Domain.ApprovalItemKind"/> name.</summary>
    public string Kind { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>JSON array of {Id, Name}, in review order.</summary>
    public string DepartmentsJson { get; set; } = "[]";

    public int BaseTimeLimitWorkingDays { get; set; }

    public int TimeLimitWorkingDays { get; set; }

    /// <summary><see cref="Domain.ApprovalItemState"/> name, kept for queries; the timeline is the truth.</summary>
    public string State { get; set; } = "";

    /// <summary>Review period (1-based count of acceptances) for which ApprovalOverdue was published.</summary>
    public int OverdueNotifiedPeriod { get; set; }

    /// <summary>An overdue episode is open: the next approval or return publishes ApprovalOverdueCleared.</summary>
    public bool OverdueOpen { get; set; }

    /// <summary>Review period for which ApprovalDueSoon was published.</summary>
    public int DueSoonNotifiedPeriod { get; set; }

    /// <summary>
    /// Bumped on every write: a request and the overdue sweep that both read the item cannot both commit, so the
    /// once-only notice bookkeeping is never overwritten by a stale copy.
    /// </summary>
    public int Version { get; set; }

    public List<TimelineRecord> Timeline { get; set; } = [];
}
