using System.Globalization;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

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

    /// <summary>A trailers-only response: the status in the response headers, no body.</summary>
    private static Task WriteStatusAsync(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        return Task.CompletedTask;
    }

    /// <summary>The gRPC spec's encoding of grpc-message: UTF-8, bytes outside 0x20–0x7E and '%' as %XX.</summary>
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return builder.ToString();
    }
}
