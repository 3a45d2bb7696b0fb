using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Access;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Alerts;

/// <summary>Listing and acknowledging a recipient's alerts.</summary>
public sealed class AlertQueries(EscalationDbContext db, RecipientDirectoryOptions directory, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Alerts in storage order; the page token is the last sequence returned.</summary>
    public async Task<(List<AlertRow> Alerts, string NextPageToken)> ListAsync(
        string recipientId, bool includeAcknowledged, int pageSize, string pageToken, Caller caller, CancellationToken ct)
    {
        var violations = new Violations();
        if (string.IsNullOrWhiteSpace(recipientId))
        {
            violations.Add("recipient_id", "recipient_id is required.");
        }

        if (pageSize is < 0 or > MaxPageSize)
        {
            violations.Add("page_size", $"page_size must be between 0 and {MaxPageSize}.");
        }

        long after = 0;
        if (pageToken.Length > 0 && !long.TryParse(pageToken, out after))
        {
            violations.Add("page_token", "page_token is not a token this service returned.");
        }

        if (violations.Any)
        {
            throw DomainException.Invalid("The alerts cannot be listed.", violations.Items);
        }

        EscalationAccess.EnsureMayReadAlertsOf(caller, recipientId, directory);

        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var query = db.Alerts.AsNoTracking().Where(a => a.RecipientId == recipientId && a.Sequence > after);
        if (!includeAcknowledged)
        {
            query = query.Where(a => a.AcknowledgedAt == null);
        }

        var rows = await query.OrderBy(a => a.Sequence).Take(size + 1).ToListAsync(ct);
        var next = rows.Count > size ? rows[size - 1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        return (rows.Take(size).ToList(), next);
    }

    /// <summary>
    /// Marks an alert read, named by its id or by its sequence (the short number people type). Only its recipient (or
    /// an admin) may; acknowledging again is a no-op that keeps the first acknowledgement.
    /// </summary>
    public async Task<AlertRow> AcknowledgeAsync(string alertId, long sequence, Caller caller, CancellationToken ct)
    {
        var byId = !string.IsNullOrWhiteSpace(alertId);
        var violations = new Violations();
        if (sequence < 0)
        {
            violations.Add("sequence", "sequence must be a positive number shown in the alert list.");
        }
        else if (byId && sequence != 0)
        {
            // The number was added to a request that already names the alert: the number is the surplus field.
            violations.Add("sequence", "Give alert_id or sequence, not both.");
        }
        else if (!byId && sequence == 0)
        {
            violations.Add("alert_id", "alert_id or sequence is required.");
        }

        if (violations.Any)
        {
            throw DomainException.Invalid("The alert cannot be acknowledged.", violations.Items);
        }

        var row = byId
            ? await db.Alerts.FirstOrDefaultAsync(a => a.AlertId == alertId, ct)
                ?? throw DomainException.NotFound($"Alert {ErrorText.Quote(alertId)} does not exist.")
            : await db.Alerts.FirstOrDefaultAsync(a => a.Sequence == sequence, ct)
                ?? throw DomainException.NotFound($"Alert #{sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)} does not exist.");
        EscalationAccess.EnsureMayAcknowledgeAlert(caller, row.RecipientId, directory);

        if (row.AcknowledgedAt is null)
        {
            row.AcknowledgedAt = time.GetUtcNow();
            row.AcknowledgedBy = caller.Subject;
            await db.SaveChangesAsync(ct);
        }

        return row;
    }
}
