using ProjectHub.Grpc;
using ProjectHub.Security;

namespace ProjectHub.Hosting.Security;

public static class CallerExtensions
{
    /// <summary>
    /// The authenticated caller of this RPC (set by <see cref="BearerTokenFilter"/>). Throws UNAUTHENTICATED if the
    /// call was not authenticated, which only happens for the open health/reflection services.
    /// </summary>
    public static Caller Caller(this ServerCallContext context) =>
        context.HttpContext.Items.TryGetValue(typeof(Caller), out var value) && value is Caller caller
            ? caller
            : throw RpcException.Unauthenticated("This call needs a bearer token.");

    /// <summary>PERMISSION_DENIED with a reason the caller can act on; the one way services refuse a valid caller.</summary>
    public static RpcException Denied(this Caller caller, string what) =>
        RpcException.PermissionDenied($"{caller.Role} '{caller.Unit ?? caller.Subject}' may not {what}.");
}
