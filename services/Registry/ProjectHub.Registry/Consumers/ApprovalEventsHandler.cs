using Microsoft.Extensions.Logging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Contracts.Approval;
using ProjectHub.Domain;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;

namespace ProjectHub.Registry.Consumers;

/// <summary>
/// What the registry does with approval events. Each event is applied once (inbox keyed by event id and consumer
/// name), in the same transaction as its effect, so a redelivery changes nothing. The approval service is the
/// actor of these changes in the audit trail.
/// </summary>
public sealed partial class ApprovalEventsHandler(RegistryDbContext db, UnitOfWork work, LightEngine lights, TimeProvider time, ILogger<ApprovalEventsHandler> logger)
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{EventName} {EventId} names unknown project {ProjectId}; ignored")]
    private static partial void UnknownProject(ILogger logger, string eventName, Guid eventId, string projectId);

    public const string Actor = "approval-service";

    /// <summary>Returns false when the event was already processed (or names an unknown project).</summary>
    public Task<bool> HandleAsync(ApprovalOverdue e, CancellationToken ct) =>
        ApplyAsync(e.EventId, nameof(ApprovalOverdue), e.ProjectId, async row =>
        {
            var open = await db.OverdueApprovals.FirstOrDefaultAsync(o => o.ProjectId == row.Id && o.CaseId == e.CaseId && o.ItemKind == e.ItemKind, ct);
            if (open is null)
            {
                db.OverdueApprovals.Add(new OverdueApprovalRow { ProjectId = row.Id, CaseId = e.CaseId, ItemKind = e.ItemKind, ItemName = e.ItemName, DueDate = e.DueDate });
            }
            else
            {
                open.ItemName = e.ItemName;
                open.DueDate = e.DueDate;
            }

            return ("APPROVAL_OVERDUE", $"{e.ItemName} ({e.ItemKind}) due {AuditText.Date(e.DueDate)}, {e.WorkingDaysOver} working days over");
        }, ct);

    public Task<bool> HandleAsync(ApprovalOverdueCleared e, CancellationToken ct) =>
        ApplyAsync(e.EventId, nameof(ApprovalOverdueCleared), e.ProjectId, async row =>
        {
            var open = await db.OverdueApprovals.FirstOrDefaultAsync(o => o.ProjectId == row.Id && o.CaseId == e.CaseId && o.ItemKind == e.ItemKind, ct);
            if (open is not null)
            {
                db.OverdueApprovals.Remove(open);
            }

            return ("APPROVAL_OVERDUE_CLEARED", $"{e.ItemKind} no longer overdue");
        }, ct);

    public Task<bool> HandleAsync(ApprovalsCompleted e, CancellationToken ct) =>
        ApplyAsync(e.EventId, nameof(ApprovalsCompleted), e.ProjectId, row =>
        {
            row.ReadyToStartAtMs ??= e.OccurredAt.ToUnixTimeMilliseconds();
            return Task.FromResult(("APPROVALS_COMPLETED", $"every required approval of case {e.CaseId} is approved: ready to start (具备开工条件)"));
        }, ct);

    private async Task<bool> ApplyAsync(Guid eventId, string consumer, string projectId, Func<ProjectRow, Task<(string Action, string Change)>> apply, CancellationToken ct) =>
        await work.RunAsync(async () =>
        {
            if (!await db.TryMarkProcessedAsync(eventId, "registry." + consumer, time.GetUtcNow(), ct))
            {
                return false;
            }

            var row = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
            if (row is null)
            {
                // Approval cases can exist for projects this registry does not list; nothing to record.
                UnknownProject(logger, consumer, eventId, projectId);
                return false;
            }

            var (action, change) = await apply(row);
            var nowMs = time.NowMs();
            row.UpdatedAtMs = nowMs;
            ProjectStore.Audit(db, row.Id, nowMs, Actor, action, "", [change]);
            await db.SaveChangesAsync(ct);
            await lights.EvaluateAsync(db, row, ct);
            return true;
        }, ct);
}

public sealed class ApprovalOverdueConsumer(ApprovalEventsHandler handler) : IConsumer<ApprovalOverdue>
{
    public Task Consume(ConsumeContext<ApprovalOverdue> context) => handler.HandleAsync(context.Message, context.CancellationToken);
}

public sealed class ApprovalOverdueClearedConsumer(ApprovalEventsHandler handler) : IConsumer<ApprovalOverdueCleared>
{
    public Task Consume(ConsumeContext<ApprovalOverdueCleared> context) => handler.HandleAsync(context.Message, context.CancellationToken);
}

public sealed class ApprovalsCompletedConsumer(ApprovalEventsHandler handler) : IConsumer<ApprovalsCompleted>
{
    public Task Consume(ConsumeContext<ApprovalsCompleted> context) => handler.HandleAsync(context.Message, context.CancellationToken);
}
