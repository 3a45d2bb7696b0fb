using Microsoft.Extensions.Time.Testing;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Security;

/// <summary>Production mode: tokens from a configured issuer only; a host without an issuer does not start.</summary>
public sealed class JwtModeTests
{
    private static readonly Caller Owner = new("wang.fang", Roles.Owner, "某城投集团");

    [Fact]
    public async Task A_production_host_without_an_issuer_refuses_to_start_and_says_what_to_set()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AuthHost.StartAsync(new Dictionary<string, string?>()));
        Assert.Contains("Auth:Issuer", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:SigningKeys, Auth:JwksUrl or Auth:Authority", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode=Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_hmac_secret_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => AuthHost.StartAsync(Jwt(("Auth:SigningKeys:0", "base64:" + Convert.ToBase64String(new byte[16])))));
        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_development_environment_without_settings_trusts_the_development_key()
    {
        await using var host = await AuthHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");
        Assert.Equal("wang.fang", (await host.WhoAmIAsync("Bearer " + TestTokens.Mint(Owner))).Subject);
    }

    [Fact]
    public async Task A_configured_public_key_verifies_the_issuers_tokens_and_the_development_key_is_not_trusted()
    {
        await using var idp = await JwksServer.StartAsync();
        await using var host = await AuthHost.StartAsync(Jwt(("Auth:SigningKeys:0", idp.PublicKeyPem())));

        Assert.Equal("某城投集团", (await host.WhoAmIAsync("Bearer " + idp.Mint(Owner))).Unit);
        var error = await Assert.ThrowsAsync<RpcException>(() => host.WhoAmIAsync("Bearer " + TestTokens.Mint(Owner)));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, idp.Fetches);
    }

    [Fact]
    public async Task Keys_come_from_a_jwks_address_and_a_rotated_key_is_fetched_when_a_token_names_it()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var idp = await JwksServer.StartAsync();
        await using var host = await AuthHost.StartAsync(
            Jwt(("Auth:JwksUrl", idp.Address + "/keys"), ("Auth:RequireHttpsMetadata", "false")), clock: clock);

        Assert.Equal("wang.fang", (await host.WhoAmIAsync("Bearer " + idp.Mint(Owner))).Subject);
        Assert.Equal("wang.fang", (await host.WhoAmIAsync("Bearer " + idp.Mint(Owner))).Subject);
        Assert.Equal(1, idp.Fetches); // cached

        idp.Rotate();
        clock.Advance(TimeSpan.FromMinutes(2)); // re-fetches for an unknown key id at most once a minute
        Assert.Equal("wang.fang", (await host.WhoAmIAsync("Bearer " + idp.Mint(Owner))).Subject);
        Assert.Equal(2, idp.Fetches);
    }

    [Fact]
    public async Task An_authority_is_discovered_through_its_openid_configuration()
    {
        await using var idp = await JwksServer.StartAsync();
        await using var host = await AuthHost.StartAsync(
            Jwt(("Auth:Authority", idp.Address), ("Auth:RequireHttpsMetadata", "false")));

        Assert.Equal("owner", (await host.WhoAmIAsync("Bearer " + idp.Mint(Owner))).Role);
        Assert.Equal(1, idp.Fetches);
    }

    [Fact]
    public async Task A_plain_http_key_address_is_refused_at_start_unless_allowed()
    {
        await using var idp = await JwksServer.StartAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AuthHost.StartAsync(Jwt(("Auth:JwksUrl", idp.Address + "/keys"))));
        Assert.Contains("is not https", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, idp.Fetches);
    }

    private static Dictionary<string, string?> Jwt(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "Jwt",
            ["Auth:Issuer"] = JwksServer.Issuer,
            ["Auth:Audience"] = JwksServer.Audience,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}
