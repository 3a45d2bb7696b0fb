namespace ProjectHub.Grpc;

/// <summary>Per-call settings: extra headers, a deadline (UTC) and a cancellation token.</summary>
public readonly record struct CallOptions(
    Metadata? Headers = null,
    DateTime? Deadline = null,
    CancellationToken CancellationToken = default)
{
    public CallOptions WithDeadlineAfter(TimeSpan timeout, TimeProvider? time = null) =>
        this with { Deadline = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime + timeout };
}
