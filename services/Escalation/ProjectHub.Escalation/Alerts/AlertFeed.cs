using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Access;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Escalation.Problems;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Alerts;

/// <summary>
/// Streams one recipient's alerts: every unacknowledged one in storage order, then new ones as they are committed.
/// It registers with the notifier BEFORE the first read, so an alert committed in between is never missed; and it
/// only sends sequences above the last one sent, so nothing is sent twice on one connection. A reconnect starts over
/// from the unacknowledged alerts, which is the at-least-once-until-acknowledged contract.
/// </summary>
public sealed class AlertFeed(
    IServiceScopeFactory scopes, AlertNotifier notifier, RecipientDirectoryOptions directory, IConfiguration configuration)
{
    private const int BatchSize = 100;

    /// <param name="send">Sends one alert with its project's name (empty when unknown).</param>
    public async Task RunAsync(string recipientId, Caller caller, Func<AlertRow, string, Task> send, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(recipientId))
        {
            throw DomainException.Invalid("recipient_id", "recipient_id is required.");
        }

        EscalationAccess.EnsureMayReadAlertsOf(caller, recipientId, directory);

        // Polling is the safety net for alerts another instance stored (the notifier is in-process only).
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Escalation:Alerts:PollSeconds", 5));
        using var subscription = notifier.Subscribe(recipientId);
        long lastSent = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                List<AlertRow> batch;
                IReadOnlyDictionary<string, string> names;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
                    batch = await db.Alerts.AsNoTracking()
                        .Where(a => a.RecipientId == recipientId && a.AcknowledgedAt == null && a.Sequence > lastSent)
                        .OrderBy(a => a.Sequence)
                        .Take(BatchSize)
                        .ToListAsync(ct);
                    names = await ProjectRoutingLookup.NamesAsync(db, batch.Select(a => a.ProjectId), ct);
                }

                foreach (var alert in batch)
                {
                    await send(alert, names.GetValueOrDefault(alert.ProjectId, ""));
                    lastSent = alert.Sequence;
                }

                if (batch.Count < BatchSize)
                {
                    await subscription.WaitAsync(poll, ct);
                }
            }
        }
        catch (Exception e) when (ct.IsCancellationRequested && e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The subscriber went away (a browser leaving 我的预警, a CLI quitting): ending the stream is the normal
            // outcome. A write racing the disconnect fails with an I/O or "request is complete" error; same thing.
        }
    }
}
