using System.Globalization;
using ProjectHub.Escalation.V1;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// What people type to name an alert, instead of its 90-character id. The number lists show (#17) is the alert's
/// store sequence: unique in the escalation service and never reused, so it cannot pick the wrong alert even after
/// others were acknowledged. A start of an id works too, but only when exactly one pending alert has it; otherwise
/// the candidates are listed and nothing is acknowledged.
/// </summary>
internal static class AlertHandles
{
    private const int MaxCandidatesShown = 10;

    /// <param name="pending">The recipient's unacknowledged alerts, read only if the handle is an id prefix.</param>
    public static async Task<AcknowledgeAlertRequest> ResolveAsync(string handle, Func<Task<List<Alert>>> pending)
    {
        var text = handle.Trim();
        var number = text.StartsWith('#') ? text[1..] : text;
        if (number.Length > 0 && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0)
        {
            return new AcknowledgeAlertRequest { Sequence = sequence };
        }

        if (text.Length == 0)
        {
            throw new UsageException("an alert is required: its # number from alerts list, or its id");
        }

        var alerts = await pending();
        if (alerts.Any(a => a.Id == text))
        {
            return new AcknowledgeAlertRequest { AlertId = text };
        }

        var matches = alerts.Where(a => a.Id.StartsWith(text, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => new AcknowledgeAlertRequest { AlertId = matches[0].Id },
            // Not among the pending ones: perhaps an acknowledged alert's full id; the service says if it does not exist.
            0 => new AcknowledgeAlertRequest { AlertId = text },
            _ => throw new UsageException(
                $"'{text}' matches {matches.Count} alerts; give the # number instead:{Environment.NewLine}" + string.Join(Environment.NewLine,
                    matches.Take(MaxCandidatesShown).Select(a => $"  {AlertCommands.Handle(a)} {a.Title} {AlertCommands.ProjectLabel(a.ProjectName, a.ProjectId)} {a.Id}"))),
        };
    }
}
