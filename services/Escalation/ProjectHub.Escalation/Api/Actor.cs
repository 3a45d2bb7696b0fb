using ProjectHub.Grpc;

namespace ProjectHub.Escalation.Api;

/// <summary>
/// Who is calling. The ONE place the actor is determined: until authentication lands it is the "x-actor" request
/// header (default "anonymous"); auth will replace this method's body.
/// </summary>
public static class Actor
{
    public const string Header = "x-actor";
    public const string Anonymous = "anonymous";

    public static string Of(ServerCallContext context)
    {
        var value = context.RequestHeaders.GetValue(Header);
        return string.IsNullOrWhiteSpace(value) ? Anonymous : value.Trim();
    }
}
