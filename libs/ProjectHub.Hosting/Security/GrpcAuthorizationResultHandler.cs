using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using ProjectHub.Hosting.Grpc;

namespace ProjectHub.Hosting.Security;

/// <summary>
/// A refused gRPC call answers like gRPC, not like a web page: a trailers-only response with UNAUTHENTICATED (no token,
/// or one that does not verify) or PERMISSION_DENIED, and the reason in grpc-message — where ASP.NET's default would
/// send a bare HTTP 401/403 that gRPC clients can only report as UNAVAILABLE or UNKNOWN. Other requests get the default.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsGrpc(context.Request))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        return authorizeResult.Forbidden
            ? WriteStatusAsync(context, StatusCode.PermissionDenied, "The caller may not call this method.")
            : WriteStatusAsync(context, StatusCode.Unauthenticated,
                AuthenticationExtensions.TokenReasons.Of(context) ?? AuthenticationExtensions.TokenReasons.Missing);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        && !type.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase);

    private static Task WriteStatusAsync(HttpContext context, StatusCode code, string message)
    {
        GrpcStatusResponse.Write(context.Response, code, message);
        return Task.CompletedTask;
    }
}
