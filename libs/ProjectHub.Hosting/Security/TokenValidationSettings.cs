using Microsoft.IdentityModel.Tokens;
using ProjectHub.Security;

namespace ProjectHub.Hosting.Security;

/// <summary>What a token must say (issuer, audience, lifetime, algorithm); the keys come from <see cref="SigningKeySource"/>.</summary>
public sealed class TokenValidationSettings(AuthSettings settings, AuthMode mode)
{
    public AuthMode Mode => mode;

    public TokenValidationParameters Parameters { get; } = new()
    {
        ValidIssuer = mode == AuthMode.Development ? DevelopmentTokens.Issuer : settings.Issuer,
        ValidAudience = mode == AuthMode.Development ? DevelopmentTokens.Audience : settings.Audience,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = settings.ClockSkew,
        NameClaimType = ProjectHubClaims.Subject,
        RoleClaimType = ProjectHubClaims.Role,
        // "none" and algorithm confusion are refused: only these algorithms, with the key types they need.
        ValidAlgorithms =
        [
            SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
            SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
            SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
        ],
    };
}
