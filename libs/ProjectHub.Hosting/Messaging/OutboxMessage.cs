namespace ProjectHub.Hosting.Messaging;

/// <summary>
/// An integration event waiting to be published. Written in the same transaction as the state change that caused
/// it, so an accepted change always has its event and a rolled-back change never does.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Insertion order; the relay publishes in this order.</summary>
    public long Sequence { get; set; }

    /// <summary>Full CLR name of the event type in ProjectHub.Contracts.</summary>
    public string Type { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>W3C traceparent of the request that caused the event, so the trace continues across the bus.</summary>
    public string? TraceParent { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message a consumer has processed; its key makes redelivery a no-op.</summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
