using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ProjectHub.Security;

/// <summary>
/// The development signing key, issuer and audience of the embedded default ("Auth:Mode" = Development). The key is
/// public by design — it is in this source file — so services trust it only in development mode, and the CLI mints
/// development tokens only when it talks to such services.
/// </summary>
public static class DevelopmentTokens
{
    public const string Issuer = "projecthub-development";
    public const string Audience = "projecthub";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(12);

    // 64 bytes for HS256; anyone can read it, which is the point: development only.
    public static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes(
        "ProjectHub development signing key: public, for local runs only.")) { KeyId = "projecthub-development" };

    public static string Mint(Caller caller, DateTimeOffset now, TimeSpan? lifetime = null) =>
        TokenMinter.Mint(
            caller, new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256), Issuer, Audience, now, lifetime ?? DefaultLifetime);
}
