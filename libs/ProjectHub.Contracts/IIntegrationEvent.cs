namespace ProjectHub.Contracts;

/// <summary>
/// An event one service publishes for others. <see cref="EventId"/> is unique per occurrence and stable across
/// redeliveries, so consumers use it to process each event exactly once.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}
