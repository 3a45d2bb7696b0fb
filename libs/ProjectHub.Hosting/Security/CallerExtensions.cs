using Grpc.Core;
using ProjectHub.Security;

namespace ProjectHub.Hosting.Security;

public static class CallerExtensions
{
    /// <summary>
    /// The authenticated caller of this RPC (JwtBearer validated the token; <see cref="AuthenticationExtensions"/> read
    /// the caller from its claims). Throws UNAUTHENTICATED if the call was not authenticated, which only happens for
    /// the open health and reflection services.
    /// </summary>
    public static Caller Caller(this ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.Items.TryGetValue(typeof(Caller), out var value) && value is Caller caller)
        {
            return caller;
        }

        return ProjectHub.Security.Caller.FromPrincipal(http.User)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This call needs a bearer token."));
    }
}
