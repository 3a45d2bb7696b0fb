using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ProjectHub.Grpc;
using ProjectHub.Security;

namespace ProjectHub.Hosting.Security;

/// <summary>
/// Every RPC except health and reflection needs "authorization: Bearer &lt;JWT&gt;" from the configured issuer.
/// No token or a token that does not verify → UNAUTHENTICATED; the service itself answers PERMISSION_DENIED for a
/// valid caller outside its scope. The caller is then on <c>context.User</c> and <see cref="CallerExtensions.Caller"/>.
/// </summary>
public sealed class BearerTokenFilter(TokenValidationSettings validation, SigningKeySource keys) : IGrpcCallFilter
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public static bool IsOpen(string method) =>
        method.StartsWith("/grpc.health.v1.Health/", StringComparison.Ordinal)
        || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);

    public async ValueTask OnCallAsync(ServerCallContext context)
    {
        if (IsOpen(context.Method))
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (string.IsNullOrWhiteSpace(header))
        {
            throw RpcException.Unauthenticated("This call needs a bearer token (authorization: Bearer <JWT>).");
        }

        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            throw RpcException.Unauthenticated("The authorization header must be 'Bearer <JWT>'.");
        }

        var token = header[scheme.Length..].Trim();
        string? keyId = null;
        try
        {
            keyId = Handler.ReadJsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            throw RpcException.Unauthenticated("The bearer token is not a JWT.");
        }

        var parameters = validation.Parameters.Clone();
        parameters.IssuerSigningKeys = await keys.GetKeysAsync(keyId, context.CancellationToken).ConfigureAwait(false);
        var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw RpcException.Unauthenticated($"The bearer token was refused: {Describe(result.Exception)}");
        }

        var caller = Caller.FromClaims(result.ClaimsIdentity.Claims, out var problem)
            ?? throw RpcException.Unauthenticated($"The bearer token was refused: {problem}.");
        context.HttpContext.User = new ClaimsPrincipal(result.ClaimsIdentity);
        context.HttpContext.Items[typeof(Caller)] = caller;
    }

    // Enough for the caller to fix their setup, without echoing keys or the token.
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidIssuerException => "it is from another issuer",
        SecurityTokenInvalidAudienceException => "it is for another audience",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify",
        SecurityTokenNoExpirationException => "it has no expiry",
        _ => "it is malformed",
    };
}
