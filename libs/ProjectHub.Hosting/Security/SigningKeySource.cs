using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using ProjectHub.Security;

namespace ProjectHub.Hosting.Security;

/// <summary>
/// The keys tokens must be signed with: fixed (development key or configured keys) or fetched from a JWKS address
/// (directly or via an OpenID authority's discovery document), cached and refreshed, and re-fetched early when a
/// token names a key id we do not have (key rotation) — at most once a minute.
/// </summary>
public sealed class SigningKeySource(AuthSettings settings, AuthMode mode, TimeProvider time, ILogger<SigningKeySource> logger)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private static readonly TimeSpan MinimumRefetch = TimeSpan.FromMinutes(1);
    private readonly IReadOnlyList<SecurityKey> _fixed = mode == AuthMode.Development
        ? [DevelopmentTokens.SigningKey]
        : settings.SigningKeys.Select(ParseKey).ToArray();
    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private IReadOnlyList<SecurityKey> _fetched = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public bool IsRemote => mode == AuthMode.Jwt && (settings.JwksUrl is not null || settings.Authority is not null);

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (!IsRemote)
        {
            return _fixed;
        }

        if (NeedsFetch(keyId))
        {
            await RefreshAsync(keyId, cancellationToken).ConfigureAwait(false);
        }

        return [.. _fixed, .. _fetched];
    }

    private bool NeedsFetch(string? keyId)
    {
        var age = time.GetUtcNow() - _fetchedAt;
        return age > settings.KeysRefreshInterval
            || keyId is not null && _fetched.All(k => k.KeyId != keyId) && age > MinimumRefetch;
    }

    private async Task RefreshAsync(string? keyId, CancellationToken cancellationToken)
    {
        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!NeedsFetch(keyId))
            {
                return; // another call fetched while this one waited
            }

            var client = Http;
            var jwksUrl = settings.JwksUrl ?? await DiscoverJwksAsync(client, cancellationToken).ConfigureAwait(false);
            RequireHttps(jwksUrl);
            var json = await client.GetStringAsync(jwksUrl, cancellationToken).ConfigureAwait(false);
            _fetched = new JsonWebKeySet(json).GetSigningKeys().ToArray();
            _fetchedAt = time.GetUtcNow();
            logger.LogInformation("Loaded {Count} signing keys from {JwksUrl}", _fetched.Count, jwksUrl);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException or TaskCanceledException)
        {
            // Keep the last good keys; a token the old keys cannot verify is refused (UNAUTHENTICATED), not let in.
            logger.LogWarning(ex, "Could not refresh signing keys; keeping {Count} known keys", _fetched.Count);
            _fetchedAt = time.GetUtcNow() - settings.KeysRefreshInterval + MinimumRefetch;
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    private async Task<Uri> DiscoverJwksAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var authority = settings.Authority!;
        RequireHttps(authority);
        var discovery = new Uri(authority.ToString().TrimEnd('/') + "/.well-known/openid-configuration");
        var document = await client.GetFromJsonAsync<JsonElement>(discovery, cancellationToken).ConfigureAwait(false);
        return document.TryGetProperty("jwks_uri", out var jwks) && Uri.TryCreate(jwks.GetString(), UriKind.Absolute, out var uri)
            ? uri
            : throw new HttpRequestException($"{discovery} names no jwks_uri");
    }

    private void RequireHttps(Uri address)
    {
        if (settings.RequireHttpsMetadata && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Auth:RequireHttpsMetadata is on, so {address} must be https");
        }
    }

    /// <summary>A configured key: PEM public key (RSA, else EC) or "base64:" HMAC secret.</summary>
    public static SecurityKey ParseKey(string text)
    {
        text = text.Trim();
        if (text.StartsWith("base64:", StringComparison.Ordinal))
        {
            var secret = Convert.FromBase64String(text["base64:".Length..]);
            return secret.Length >= 32
                ? new SymmetricSecurityKey(secret)
                : throw new ArgumentException("an HMAC signing key needs at least 32 bytes");
        }

        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(text);
                return new RsaSecurityKey(rsa);
            }
            catch (ArgumentException)
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(text);
                return new ECDsaSecurityKey(ec);
            }
        }

        throw new ArgumentException("a signing key is a PEM public key or 'base64:<secret>'");
    }
}
