using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Security;

/// <summary>The bearer-token filter with the development key: what gets in, what is UNAUTHENTICATED, and why.</summary>
public sealed class DevelopmentModeTests : IAsyncLifetime
{
    private AuthHost _host = null!;

    public async Task InitializeAsync() => _host = await AuthHost.StartAsync(AuthHost.Development());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_development_token_reaches_the_method_as_its_caller_with_unicode_claims()
    {
        var caller = new Caller("李伟", Roles.Leader, "张副市长", ["VICE_MAYOR", "EXECUTIVE_VICE_MAYOR"]);
        var reply = await _host.WhoAmIAsync("Bearer " + TestTokens.Mint(caller));
        Assert.Equal("李伟", reply.Subject);
        Assert.Equal("leader", reply.Role);
        Assert.Equal("张副市长", reply.Unit);
        Assert.Equal(["VICE_MAYOR", "EXECUTIVE_VICE_MAYOR"], reply.Tiers);
    }

    [Fact]
    public async Task The_scheme_is_case_insensitive()
    {
        var reply = await _host.WhoAmIAsync("bearer " + TestTokens.Mint(TestTokens.Drc));
        Assert.Equal("drc", reply.Role);
    }

    [Fact]
    public async Task Health_answers_without_a_token()
    {
        var reply = await _host.Health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest());
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    public static TheoryData<string, string?, string> Refused()
    {
        var now = DateTimeOffset.UtcNow;
        var key = new SigningCredentials(DevelopmentTokens.SigningKey, SecurityAlgorithms.HmacSha256);
        var otherKey = new SigningCredentials(
            new SymmetricSecurityKey(new byte[64]) { KeyId = "other" }, SecurityAlgorithms.HmacSha256);
        var owner = new Caller("u1", Roles.Owner, "某城投集团");
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokens.Issuer, Audience = DevelopmentTokens.Audience, Claims = owner.ToClaims(),
            Expires = now.AddHours(1).UtcDateTime,
        });
        return new()
        {
            { "no header", null, "needs a bearer token" },
            { "empty header", "", "needs a bearer token" },
            { "basic scheme", "Basic dXNlcjpwYXNz", "must be 'Bearer <JWT>'" },
            { "bearer without token", "Bearer ", "must be 'Bearer <JWT>'" },
            { "not a JWT", "Bearer hello.world", "not a JWT" },
            { "SQL instead of a token", "Bearer ' OR 1=1 --", "not a JWT" },
            { "expired", "Bearer " + TokenMinter.Mint(owner, key, DevelopmentTokens.Issuer, DevelopmentTokens.Audience, now.AddHours(-3), TimeSpan.FromHours(1)), "expired" },
            { "not yet valid", "Bearer " + TokenMinter.Mint(owner, key, DevelopmentTokens.Issuer, DevelopmentTokens.Audience, now.AddHours(2), TimeSpan.FromHours(1)), "not valid yet" },
            { "other issuer", "Bearer " + TokenMinter.Mint(owner, key, "someone-else", DevelopmentTokens.Audience, now, TimeSpan.FromHours(1)), "another issuer" },
            { "other audience", "Bearer " + TokenMinter.Mint(owner, key, DevelopmentTokens.Issuer, "billing", now, TimeSpan.FromHours(1)), "another audience" },
            { "other key", "Bearer " + TokenMinter.Mint(owner, otherKey, DevelopmentTokens.Issuer, DevelopmentTokens.Audience, now, TimeSpan.FromHours(1)), "signature does not verify" },
            { "unsigned (alg none)", "Bearer " + unsigned, "refused" },
            { "unknown role", "Bearer " + TestTokens.Mint(new Caller("x", "mayor", "某单位")), "role 'mayor'" },
            { "owner without unit", "Bearer " + TestTokens.Mint(new Caller("x", Roles.Owner)), "needs a unit claim" },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_tokens_are_unauthenticated_with_a_reason(string why, string? authorization, string reason)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.WhoAmIAsync(authorization));
        Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{why}: {error.StatusCode}");
        Assert.Contains(reason, error.Status.Detail, StringComparison.Ordinal);
    }
}
