namespace ProjectHub.Approval.Persistence;

/// <summary>One change of an item (the audit trail: who, when, what, why); replayed to rebuild the item.</summary>
public sealed class TimelineRecord
{
    public long ItemId { get; set; }

    /// <summary>1-based; unique per item, so two concurrent changes of one item cannot both commit.</summary>
    public int Sequence { get; set; }

    public string Action { get; set; } = "";

    public string FromState { get; set; } = "";

    public string ToState { get; set; } = "";

    public string Actor { get; set; } = "";

    public string? DepartmentId { get; set; }

    public long AtUnixMs { get; set; }

    public string? Note { get; set; }

    /// <summary>JSON array of document references (submissions only).</summary>
    public string DocumentsJson { get; set; } = "[]";
}
