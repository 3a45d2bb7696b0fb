using ProjectHub.Grpc;
using ProjectHub.Hosting.Security;
using ProjectHub.Security;

namespace ProjectHub.Escalation.Api;

/// <summary>
/// Who is calling: the caller of the validated bearer token. Its subject is the actor recorded in every audit entry
/// (raised/acknowledged/resolved by), never a request field.
/// </summary>
public static class Actor
{
    public static Caller Of(ServerCallContext context) => context.Caller();
}
