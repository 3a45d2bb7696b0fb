using MassTransit;

namespace ProjectHub.Hosting.Messaging;

/// <summary>Where the outbox relay publishes: the service's own bus, or every bus of the process (<see cref="InProcessBuses"/>).</summary>
public interface IOutboxPublisher
{
    /// <summary>Completes once the transport accepted the message (RabbitMQ: the broker confirmed it).</summary>
    Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken);
}

/// <summary>The production shape: one bus per service process, the broker fans events out.</summary>
internal sealed class BusOutboxPublisher(IPublishEndpoint bus) : IOutboxPublisher
{
    public Task PublishAsync(object message, Type messageType, Guid messageId, CancellationToken cancellationToken) =>
        bus.Publish(message, messageType, context => context.MessageId = messageId, cancellationToken);
}
