using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ProjectHub.Escalation.Alerts;

/// <summary>
/// Wakes the live alert streams of recipients after alerts for them were committed. Carries no alert data: a woken
/// stream reads the store, which stays the single source of truth (so nothing is lost if a wake-up is).
/// </summary>
public sealed class AlertNotifier
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<bool>, byte>> _subscribers = new(StringComparer.Ordinal);

    /// <summary>Registers a listener for <paramref name="recipientId"/>; dispose the result to stop listening.</summary>
    public Subscription Subscribe(string recipientId)
    {
        // Capacity 1 + DropWrite: any number of wake-ups while the stream is busy collapse into one.
        var channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        _subscribers.GetOrAdd(recipientId, _ => new()).TryAdd(channel, 0);
        return new Subscription(this, recipientId, channel);
    }

    public void Notify(IEnumerable<string> recipientIds)
    {
        foreach (var recipient in recipientIds.Distinct(StringComparer.Ordinal))
        {
            if (_subscribers.TryGetValue(recipient, out var channels))
            {
                foreach (var channel in channels.Keys)
                {
                    channel.Writer.TryWrite(true);
                }
            }
        }
    }

    public sealed class Subscription(AlertNotifier owner, string recipientId, Channel<bool> channel) : IDisposable
    {
        /// <summary>Waits until woken or <paramref name="timeout"/> passes (a safety net for alerts stored by another instance).</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                await channel.Reader.ReadAsync(timer.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The poll interval elapsed: the caller re-reads the store anyway.
            }
        }

        public void Dispose()
        {
            if (owner._subscribers.TryGetValue(recipientId, out var channels))
            {
                channels.TryRemove(channel, out _);
            }
        }
    }
}
