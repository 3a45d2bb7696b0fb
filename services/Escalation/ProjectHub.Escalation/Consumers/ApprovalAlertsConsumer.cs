using System.Globalization;
using MassTransit;
using ProjectHub.Contracts.Approval;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Problems;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Escalation.Consumers;

/// <summary>Approval time limits: overdue and due-soon (临期) items alert the approving department(s) and the owner.</summary>
public sealed class ApprovalAlertsConsumer(ChangeRecorder recorder, AlertRouter router, TimeProvider time)
    : IConsumer<ApprovalOverdue>, IConsumer<ApprovalDueSoon>
{
    public const string Name = "escalation.approval-alerts";

    public async Task Consume(ConsumeContext<ApprovalOverdue> context)
    {
        var e = context.Message;
        var ct = context.CancellationToken;
        if (!await recorder.Db.TryMarkProcessedAsync(e.EventId, Name, time.GetUtcNow(), ct))
        {
            return;
        }

        var routing = (await recorder.RoutingAsync(e.ProjectId, ct)) with { OwnerUnitId = e.OwnerUnit };
        foreach (var department in Departments(e.Departments))
        {
            var trigger = new ApprovalOverdueTrigger(routing, e.OccurredAt, $"{e.CaseId}/{e.ItemKind}", e.ItemName, department, e.DueDate);
            await recorder.StoreAlertsAsync(router.Route(trigger), ct);
        }

        await recorder.SaveAsync(ct);
    }

    public async Task Consume(ConsumeContext<ApprovalDueSoon> context)
    {
        var e = context.Message;
        var ct = context.CancellationToken;
        if (!await recorder.Db.TryMarkProcessedAsync(e.EventId, Name, time.GetUtcNow(), ct))
        {
            return;
        }

        // The domain's 临期 trigger is about problems at a tier, so the approval variant is built here with the same
        // kind and the same deterministic-id scheme (kind/occurrence/recipient).
        var due = e.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var recipients = Departments(e.Departments).Append(e.OwnerUnit).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal);
        var kind = AlertKind.DeadlineApproaching;
        var project = await recorder.RoutingAsync(e.ProjectId, ct);
        var alerts = recipients.Select(r => new Alert(
            $"{AlertKinds.Code(kind)}/{e.ProjectId}/{e.CaseId}/{e.ItemKind}/{due}/{r}", r, kind, AlertKinds.Code(kind),
            AlertKinds.ChineseTitle(kind), $"项目{project.Label}的审批事项“{e.ItemName}”将于 {due} 到期，剩余不足一个工作日。",
            e.ProjectId, null, e.OccurredAt));
        await recorder.StoreAlertsAsync(alerts, ct);
        await recorder.SaveAsync(ct);
    }

    private static IEnumerable<string> Departments(IReadOnlyList<string> departments) =>
        departments.Count > 0 ? departments : [""];
}
