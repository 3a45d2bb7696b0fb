using ProjectHub.Escalation.V1;
using EscalationClient = ProjectHub.Escalation.V1.Escalation.EscalationClient;

namespace ProjectHub.System.Tests;

/// <summary>
/// A client that keeps one recipient's alert stream open the way a real one would: it acknowledges every alert it
/// receives and reconnects whenever the stream breaks. It counts what a broker test suite counts: each alert id
/// received, ids received again before their acknowledgement went through (a redelivery the contract allows),
/// and ids received again AFTER they were acknowledged (a duplicate — the contract forbids it).
/// </summary>
public sealed class AlertSubscriber : IAsyncDisposable
{
    private readonly EscalationClient _client;
    private readonly string _recipient;
    private readonly Func<CancellationToken, CallOptions> _asRecipient;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, Alert> _received = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly Task _loop;

    /// <param name="asRecipient">Call options with the recipient's token (fresh per call, so it never expires).</param>
    public AlertSubscriber(EscalationClient client, string recipient, Func<CancellationToken, CallOptions> asRecipient)
    {
        _client = client;
        _recipient = recipient;
        _asRecipient = asRecipient;
        _loop = Task.Run(RunAsync);
    }

    public int Reconnects { get; private set; }

    public int Redelivered { get; private set; }

    public int DuplicatedAfterAcknowledge { get; private set; }

    /// <summary>Distinct alerts received so far.</summary>
    public IReadOnlyList<Alert> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received.Values];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var first = true;
        while (!_stop.IsCancellationRequested)
        {
            if (!first)
            {
                Reconnects++;
            }

            first = false;
            try
            {
                using var call = _client.SubscribeAlerts(new SubscribeAlertsRequest { RecipientId = _recipient }, _asRecipient(_stop.Token));
                while (await call.ResponseStream.MoveNext(_stop.Token))
                {
                    await HandleAsync(call.ResponseStream.Current);
                }
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // The service went away (killed, restarting): connect again, as a real client would.
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task HandleAsync(Alert alert)
    {
        lock (_received)
        {
            if (_acknowledged.Contains(alert.Id))
            {
                DuplicatedAfterAcknowledge++;
                return;
            }

            if (!_received.TryAdd(alert.Id, alert))
            {
                Redelivered++;
            }
        }

        // A failed acknowledgement (service killed mid-call) is fine: the alert comes again on the next stream.
        await _client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = alert.Id }, _asRecipient(_stop.Token));
        lock (_received)
        {
            _acknowledged.Add(alert.Id);
        }
    }
}
