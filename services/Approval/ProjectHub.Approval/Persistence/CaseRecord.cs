namespace ProjectHub.Approval.Persistence;

/// <summary>A project's approval case: the inputs that decided its items, and when and by whom it was opened.</summary>
public sealed class CaseRecord
{
    public string Id { get; set; } = "";

    public string ProjectId { get; set; } = "";

    /// <summary>万元.</summary>
    public decimal TotalInvestment { get; set; }

    public bool GovernmentInvested { get; set; }

    public bool GreenChannel { get; set; }

    /// <summary>The registry's owner unit once its events name the project (kept in step by them); until then, the one
    /// the DRC named when opening the case.</summary>
    public string OwnerUnit { get; set; } = "";

    public bool ExpertReviewRequired { get; set; }

    public bool PreliminaryDesignInPlaceOfFeasibility { get; set; }

    /// <summary>Unix milliseconds: sortable on SQLite and PostgreSQL alike.</summary>
    public long OpenedAtUnixMs { get; set; }

    public string OpenedBy { get; set; } = "";

    /// <summary>ApprovalsCompleted has been written to the outbox; it is published once per case.</summary>
    public bool CompletedPublished { get; set; }

    /// <summary>
    /// Bumped by every item change: changes to one case commit one at a time, so "was that the last approval?" is
    /// always decided on the committed state (two last approvals racing would otherwise both miss completion).
    /// </summary>
    public int Version { get; set; }

    public List<ItemRecord> Items { get; set; } = [];
}
