using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Security;

/// <summary>
/// A stand-in identity provider over plain HTTP: an OpenID discovery document, a JWKS with the current RSA keys
/// (rotatable), and tokens signed with the newest key. Counts JWKS fetches.
/// </summary>
public sealed class JwksServer : IAsyncDisposable
{
    public const string Issuer = "https://sso.example.gov.cn";
    public const string Audience = "projecthub";
    private readonly WebApplication _app;
    private readonly List<RsaSecurityKey> _keys = [];
    private int _fetches;

    private JwksServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public int Fetches => Volatile.Read(ref _fetches);

    public static async Task<JwksServer> StartAsync()
    {
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address);
        var app = builder.Build();
        var server = new JwksServer(app, address);
        server.Rotate();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = address + "/keys",
        }));
        app.MapGet("/keys", server.KeySet);
        await app.StartAsync();
        return server;
    }

    /// <summary>Adds a new newest key (the old ones stay published, as during a real rotation).</summary>
    public void Rotate()
    {
        lock (_keys)
        {
            _keys.Add(new RsaSecurityKey(RSA.Create(2048)) { KeyId = $"key-{_keys.Count + 1}" });
        }
    }

    public string Mint(Caller caller)
    {
        RsaSecurityKey newest;
        lock (_keys)
        {
            newest = _keys[^1];
        }

        return TokenMinter.Mint(caller, new SigningCredentials(newest, SecurityAlgorithms.RsaSha256), Issuer, Audience,
            DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10));
    }

    /// <summary>The newest key's public half as PEM, for Auth:SigningKeys.</summary>
    public string PublicKeyPem()
    {
        lock (_keys)
        {
            return _keys[^1].Rsa.ExportSubjectPublicKeyInfoPem();
        }
    }

    private IResult KeySet()
    {
        Interlocked.Increment(ref _fetches);
        lock (_keys)
        {
            var keys = _keys.Select(k =>
            {
                var p = k.Rsa.ExportParameters(includePrivateParameters: false);
                return new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = k.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                };
            }).ToList();
            return Results.Json(new { keys });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
