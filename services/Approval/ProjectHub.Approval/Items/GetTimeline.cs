using ProjectHub.Approval.Access;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Calendar;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Items;

/// <summary>One change of an item with the clock right after it.</summary>
/// <param name="Sequence">1-based position in the item's timeline.</param>
/// <param name="Day">The Asia/Shanghai date of the change, on which <paramref name="Clock"/> was read.</param>
public sealed record TimelineStep(int Sequence, TimelineEntry Entry, DateOnly Day, ApprovalClock Clock);

/// <summary>An item and every change of it, oldest first.</summary>
public sealed record ItemTimeline(LoadedItem Item, IReadOnlyList<TimelineStep> Steps);

/// <summary>
/// An item's changes with the clock right after each: the timeline is replayed step by step and the clock read on
/// the day of each change.
/// </summary>
public sealed class GetTimeline(CaseStore store, IWorkingCalendar calendar, ApprovalRules rules)
{
    /// <param name="kind">Null when the request named no kind this API knows.</param>
    public async Task<ItemTimeline> HandleAsync(string caseId, ApprovalItemKind? kind, Caller caller, CancellationToken cancellationToken)
    {
        var validation = new Violations();
        validation.Required("case_id", caseId);
        validation.RequiredKind(kind);
        validation.ThrowIfInvalid();

        var loaded = await store.FindAsync(caseId, cancellationToken)
            ?? throw DomainException.NotFound($"审批案件 {caseId} 不存在。");
        loaded.RequireReadableBy(caller);
        var item = loaded.Find(kind!.Value)
            ?? throw ApprovalErrors.Refusal(
                ApprovalErrorReason.ItemNotRequired, $"项目 {loaded.Record.ProjectId} 无需办理{rules.RuleFor(kind!.Value).DisplayName}。", "kind");

        var steps = new List<TimelineStep>();
        var replay = new ApprovalItem(item.Item.Requirement);
        foreach (var record in item.Record.Timeline.OrderBy(t => t.Sequence))
        {
            var entry = replay.Apply(CaseStore.ToEntry(kind.Value, record));
            var day = ShanghaiTime.DateOf(entry.At);
            steps.Add(new TimelineStep(record.Sequence, entry, day, replay.Clock(calendar, day)));
        }

        return new ItemTimeline(item, steps);
    }
}
