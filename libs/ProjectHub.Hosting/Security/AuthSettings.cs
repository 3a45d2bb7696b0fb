namespace ProjectHub.Hosting.Security;

/// <summary>How a host authenticates callers (section "Auth"). See README "Configuration".</summary>
public enum AuthMode
{
    /// <summary>Trust tokens signed with the public development key (<c>ProjectHub.Security.DevelopmentTokens</c>).</summary>
    Development,

    /// <summary>Trust tokens from the configured issuer only: signing keys, a JWKS address or an OpenID authority.</summary>
    Jwt,
}

public sealed class AuthSettings
{
    public const string Section = "Auth";

    /// <summary>Unset: Development when the host environment is Development, else Jwt.</summary>
    public AuthMode? Mode { get; set; }

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>Each entry a PEM public key (RSA or EC) or "base64:" followed by an HMAC secret of at least 32 bytes.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>A JSON Web Key Set address, fetched and refreshed (<see cref="KeysRefreshInterval"/>).</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>An OpenID Connect issuer: its discovery document names the JWKS address.</summary>
    public Uri? Authority { get; set; }

    /// <summary>Refuse http:// JWKS and authority addresses (true unless testing against a local stand-in).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan KeysRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two fetches caused by tokens naming a key id not seen yet (a rotated key): such a
    /// token triggers one re-fetch, not one per call.
    /// </summary>
    public TimeSpan KeysRefetchInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}
