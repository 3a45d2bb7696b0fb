using ProjectHub.Domain;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Calendar;
using ProjectHub.Escalation.Alerts;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Hosting.Messaging;
using Integration = ProjectHub.Contracts.Escalation;

namespace ProjectHub.Escalation.Problems;

/// <summary>
/// The unit of work of every escalation use case: writes a problem change's audit entries, the alerts it causes and
/// its integration events into the same DbContext, so one SaveChanges commits them together; after the commit it
/// wakes live alert streams and the outbox relay. Scoped: one per request/message/sweep step.
/// </summary>
public sealed class ChangeRecorder(
    EscalationDbContext db,
    AlertRouter router,
    IWorkingCalendar calendar,
    AlertNotifier notifier)
{
    private readonly HashSet<string> _pendingAlertIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recipientsToWake = new(StringComparer.Ordinal);

    public EscalationDbContext Db => db;

    /// <summary>What alert routing knows about a project; unknown projects route to the DRC fallback.</summary>
    public async Task<ProjectRouting> RoutingAsync(string projectId, CancellationToken ct) =>
        await KnownRoutingAsync(projectId, ct) ?? new ProjectRouting(projectId, "", "", "");

    /// <summary>The project's routing as last seen on registry events; null for a project never heard of.</summary>
    public Task<ProjectRouting?> KnownRoutingAsync(string projectId, CancellationToken ct) =>
        ProjectRoutingLookup.FindAsync(db, projectId, ct);

    /// <summary>Adds the change's history, alerts and integration events to the unit of work.</summary>
    public async Task RecordAsync(Problem problem, ProblemChange change, ProjectRouting routing, CancellationToken ct)
    {
        foreach (var entry in change.History)
        {
            db.ProblemHistory.Add(entry.ToRow());
        }

        foreach (var @event in change.Events)
        {
            if (ProblemAlertTriggers.From(@event, routing) is { } trigger)
            {
                await StoreAlertsAsync(router.Route(trigger), ct);
            }

            switch (@event)
            {
                case ProblemEscalated e:
                    db.AddIntegrationEvent(new Integration.ProblemEscalated(
                        DeterministicId.From($"escalated/{e.ProblemId:N}/{e.Version}"), e.OccurredAt, e.ProblemId.ToString(),
                        e.ProjectId, e.From.Id, e.To.Id, e.Automatic, e.Reason));
                    break;
                case ProblemResolved e:
                    var days = calendar.CountWorkingDays(ShanghaiTime.DateOf(problem.RaisedAt), ShanghaiTime.DateOf(e.OccurredAt));
                    db.AddIntegrationEvent(new Integration.ProblemResolved(
                        DeterministicId.From($"resolved/{e.ProblemId:N}/{e.Version}"), e.OccurredAt, e.ProblemId.ToString(),
                        e.ProjectId, e.Tier.Id, Math.Max(0, days), routing.ResponsibleUnitId));
                    break;
            }
        }
    }

    /// <summary>Adds alerts not stored yet (by their deterministic id), so a redelivered trigger stores nothing.</summary>
    public async Task StoreAlertsAsync(IEnumerable<Alert> alerts, CancellationToken ct)
    {
        foreach (var alert in alerts)
        {
            if (!_pendingAlertIds.Add(alert.Id) || await db.Alerts.AnyAsync(a => a.AlertId == alert.Id, ct))
            {
                continue;
            }

            db.Alerts.Add(new AlertRow
            {
                AlertId = alert.Id,
                RecipientId = alert.RecipientId,
                Code = alert.Code,
                Title = alert.Title,
                Body = alert.Body,
                ProjectId = alert.ProjectId,
                ProblemId = alert.ProblemId,
                CreatedAt = alert.CreatedAt,
            });
            _recipientsToWake.Add(alert.RecipientId);
        }
    }

    /// <summary>Commits the unit of work, then wakes whoever waits for what it stored.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        notifier.Notify(_recipientsToWake);
        _recipientsToWake.Clear();
        _pendingAlertIds.Clear();
    }

    /// <summary>Forgets everything added since the last commit (after a failed save, before retrying).</summary>
    public void Reset()
    {
        db.ChangeTracker.Clear();
        _recipientsToWake.Clear();
        _pendingAlertIds.Clear();
    }
}
