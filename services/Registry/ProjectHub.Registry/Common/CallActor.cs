using ProjectHub.Grpc;

namespace ProjectHub.Registry.Common;

/// <summary>
/// Who is calling. The one place that decides it: until authentication lands it is the <c>x-actor</c> header,
/// "anonymous" without one; the auth issue replaces this body with the authenticated principal.
/// </summary>
public static class CallActor
{
    public const string Header = "x-actor";

    public static string From(ServerCallContext context)
    {
        var value = context.RequestHeaders.GetValue(Header);
        return string.IsNullOrWhiteSpace(value) ? "anonymous" : value.Trim();
    }
}
