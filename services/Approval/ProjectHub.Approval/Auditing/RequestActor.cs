using ProjectHub.Grpc;

namespace ProjectHub.Approval.Auditing;

/// <summary>
/// Who is acting. The one place that knows: until authentication lands it is the "x-actor" request header, so auth
/// replaces this method and nothing else.
/// </summary>
public static class RequestActor
{
    public const string Header = "x-actor";
    public const string Anonymous = "anonymous";

    public static string Of(ServerCallContext context) =>
        context.RequestHeaders.GetValue(Header) is { } actor && !string.IsNullOrWhiteSpace(actor) ? actor.Trim() : Anonymous;
}
