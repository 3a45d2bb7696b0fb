using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Contracts.Approval;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval.Items;

/// <summary>
/// The shared path of every item change: load and rebuild the case, let the domain decide, append the timeline
/// entry and the events it causes, and commit them in one transaction. A refusal throws before anything is saved;
/// <c>authorize</c> runs on the loaded case before the domain is asked.
/// </summary>
public sealed class ItemChange(ApprovalDbContext db, CaseStore store, TimeProvider time, ApprovalRules rules)
{
    /// <param name="kind">The item the request names; null when it named none this API knows.</param>
    /// <param name="validation">Request checks collected by the caller; thrown here together with case_id and kind.</param>
    /// <returns>The changed item, its row saved.</returns>
    public async Task<LoadedItem> RunAsync(
        string caseId,
        ApprovalItemKind? kind,
        Violations validation,
        Action<LoadedCase, LoadedItem> authorize,
        Func<ApprovalItem, DateTimeOffset, TimelineEntry> change,
        CancellationToken cancellationToken)
    {
        validation.Required("case_id", caseId);
        validation.RequiredKind(kind);
        validation.ThrowIfInvalid();

        var loaded = await store.FindAsync(caseId, cancellationToken)
            ?? throw DomainException.NotFound($"审批案件 {caseId} 不存在。");
        var item = loaded.Find(kind!.Value)
            ?? throw ApprovalErrors.Refusal(
                ApprovalErrorReason.ItemNotRequired, $"项目 {loaded.Record.ProjectId} 无需办理{rules.RuleFor(kind!.Value).DisplayName}。", "kind");

        authorize(loaded, item);
        var now = time.GetUtcNow();
        var entry = change(item.Item, now);
        store.Record(item, entry);
        loaded.Record.Version++;
        AddEvents(loaded, item, entry, now);
        await db.SaveCaseChangesAsync(cancellationToken);
        return item;
    }

    private void AddEvents(LoadedCase loaded, LoadedItem item, TimelineEntry entry, DateTimeOffset now)
    {
        var decided = entry.Action == ApprovalAction.Return
            || (entry.Action == ApprovalAction.Approve && entry.To == ApprovalItemState.Approved);
        if (decided && item.Record.OverdueOpen)
        {
            item.Record.OverdueOpen = false;
            db.AddIntegrationEvent(new ApprovalOverdueCleared(
                DeterministicId.From(loaded.Record.Id, item.Item.Kind, "overdue-cleared", item.Item.ReviewPeriods.Count),
                now, loaded.Record.ProjectId, loaded.Record.Id, item.Item.Kind.ToString()));
        }

        if (entry.To == ApprovalItemState.Approved && loaded.AllApproved && !loaded.Record.CompletedPublished)
        {
            loaded.Record.CompletedPublished = true;
            db.AddIntegrationEvent(new ApprovalsCompleted(
                DeterministicId.From(loaded.Record.Id, "completed"), now, loaded.Record.ProjectId, loaded.Record.Id));
        }
    }
}
