using MassTransit;
using Microsoft.Extensions.Hosting;

namespace ProjectHub.Hosting.Messaging;

/// <summary>
/// The embedded default runs each service as its own web application (own DI, own Kestrel, own in-memory bus), as
/// when it runs alone. MassTransit's in-memory transport is private to one bus, so this is what joins them: every
/// outbox relay of the process publishes each event to every service's bus, and the consumers bound there take it.
/// An event nobody consumes on a bus is simply not delivered there, as with a broker. Used only with the InMemory
/// transport; with RabbitMQ each bus publishes to the broker alone. See docs/decisions/0006.
/// </summary>
public sealed class InProcessBuses(int members)
{
    private readonly List<IBus> _buses = [];
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many services' buses make the group complete.</summary>
    public int Members => members;

    internal void Join(IBus bus)
    {
        lock (_buses)
        {
            if (_buses.Count == members)
            {
                throw new InvalidOperationException($"The in-process bus group was made for {members} services; one more joined.");
            }

            _buses.Add(bus);
            if (_buses.Count == members)
            {
                _all.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Publishes to every bus once all have started, so an event (say, one left in an outbox by the previous run) is
    /// not published before the service that consumes it listens.
    /// </summary>
    internal async Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken)
    {
        await _all.Task.WaitAsync(cancellationToken);
        IBus[] buses;
        lock (_buses)
        {
            buses = [.. _buses];
        }

        foreach (var bus in buses)
        {
            await bus.Publish(message, messageType, context => context.MessageId = messageId, cancellationToken);
        }
    }
}

internal sealed class InProcessOutboxPublisher(InProcessBuses buses) : IOutboxPublisher
{
    public Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken) =>
        buses.PublishAsync(message, messageType, messageId, cancellationToken);
}

/// <summary>Joins this service's bus to the group once MassTransit has started it (registered after AddMassTransit).</summary>
internal sealed class InProcessBusMember(InProcessBuses buses, IBus bus) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        buses.Join(bus);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
