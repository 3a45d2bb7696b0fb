using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ProjectHub.Security;

/// <summary>Writes signed JWTs for a <see cref="Caller"/>: development tokens and test issuers.</summary>
public static class TokenMinter
{
    public static string Mint(
        Caller caller, SigningCredentials credentials, string issuer, string audience, DateTimeOffset now, TimeSpan lifetime) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = caller.ToClaims(),
            SigningCredentials = credentials,
        });
}
