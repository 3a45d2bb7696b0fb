using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Hosting.Observability;

namespace ProjectHub.Escalation.Alerts;

/// <summary>
/// Feeds the "projecthub.alerts.pending" gauge: unacknowledged alerts per recipient, recounted from the alert store
/// every 15 s while the gauge is collected (so alerts stored or acknowledged by another replica count too).
/// </summary>
public sealed class PendingAlertSampler(IServiceScopeFactory scopes, TimeProvider time, ILogger<PendingAlertSampler> logger)
    : GaugeSampler(scopes, time, logger)
{
    protected override bool Observed => ProjectHubMetrics.PendingAlertsObserved;

    protected override async Task SampleAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var db = scoped.GetRequiredService<EscalationDbContext>();
        var pending = await db.Alerts.AsNoTracking()
            .Where(a => a.AcknowledgedAt == null)
            .GroupBy(a => a.RecipientId)
            .Select(g => new { Recipient = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        ProjectHubMetrics.SetPendingAlerts(pending.ToDictionary(p => p.Recipient, p => p.Count, StringComparer.Ordinal));
    }
}
