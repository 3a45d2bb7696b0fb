using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Events;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Contracts.Approval;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Messaging;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Items;

/// <summary>
/// The shared path of every item change: load and rebuild the case, let the domain decide, append the timeline
/// entry and the events it causes, and commit them in one transaction. A refusal throws before anything is saved;
/// <c>authorize</c> runs on the loaded case before the domain is asked.
/// </summary>
public sealed class ItemChange(ApprovalDbContext db, CaseStore store, TimeProvider time, IWorkingCalendar calendar)
{
    /// <param name="validation">Request checks collected by the caller; thrown here together with case_id and kind.</param>
    public async Task<V1.ApprovalItem> RunAsync(
        string caseId,
        V1.ItemKind wireKind,
        RequestValidation validation,
        Action<LoadedCase, LoadedItem> authorize,
        Func<ApprovalItem, DateTimeOffset, TimelineEntry> change,
        CancellationToken cancellationToken)
    {
        validation.Required("case_id", caseId);
        var kind = validation.Kind("kind", wireKind);
        validation.ThrowIfInvalid();

        var loaded = await store.FindAsync(caseId, cancellationToken)
            ?? throw RpcException.NotFound($"Approval case {caseId} does not exist.");
        var item = loaded.Find(kind)
            ?? throw RpcException.NotFound($"Project {loaded.Record.ProjectId} does not require {kind}.");

        authorize(loaded, item);
        var now = time.GetUtcNow();
        var entry = change(item.Item, now);
        store.Record(item, entry);
        loaded.Record.Version++;
        AddEvents(loaded, item, entry, now);
        await db.SaveChangesAsync(cancellationToken);
        return item.ToProto(loaded.Record.Id, calendar, ChinaTime.DateOf(now));
    }

    private void AddEvents(LoadedCase loaded, LoadedItem item, TimelineEntry entry, DateTimeOffset now)
    {
        var decided = entry.Action == ApprovalAction.Return
            || (entry.Action == ApprovalAction.Approve && entry.To == ApprovalItemState.Approved);
        if (decided && item.Record.OverdueOpen)
        {
            item.Record.OverdueOpen = false;
            db.AddIntegrationEvent(new ApprovalOverdueCleared(
                EventIds.For(loaded.Record.Id, item.Item.Kind, "overdue-cleared", item.Item.ReviewPeriods.Count),
                now, loaded.Record.ProjectId, loaded.Record.Id, item.Item.Kind.ToString()));
        }

        if (entry.To == ApprovalItemState.Approved && loaded.AllApproved && !loaded.Record.CompletedPublished)
        {
            loaded.Record.CompletedPublished = true;
            db.AddIntegrationEvent(new ApprovalsCompleted(
                EventIds.For(loaded.Record.Id, "completed"), now, loaded.Record.ProjectId, loaded.Record.Id));
        }
    }
}
