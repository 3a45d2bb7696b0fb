using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using ProjectHub.Registry.Demo;

namespace ProjectHub.Registry.Tests.Demo;

/// <summary>seed-demo's tokens: a given one for everything, else development drc and per-owner tokens.</summary>
public sealed class DemoTokensTests
{
    [Fact]
    public void Without_a_token_it_mints_drc_for_the_list_and_the_owner_for_its_reports()
    {
        var tokens = DemoTokens.From(null, "demo-seed");

        var manager = Claims(tokens.Manager);
        var owner = Claims(tokens.OwnerOf("市城投集团"));

        Assert.True(tokens.Minted);
        Assert.Equal(("demo-seed", "drc", null), manager);
        Assert.Equal(("demo-seed", "owner", "市城投集团"), owner);
    }

    [Fact]
    public void A_given_token_is_sent_with_every_call()
    {
        var tokens = DemoTokens.From("  given.jwt.token ", "demo-seed");

        Assert.False(tokens.Minted);
        Assert.Equal("Bearer given.jwt.token", tokens.Manager.Headers!.GetValue("authorization"));
        Assert.Equal("Bearer given.jwt.token", tokens.OwnerOf("市城投集团").Headers!.GetValue("authorization"));
    }

    private static (string Subject, string Role, string? Unit) Claims(CallOptions options)
    {
        var jwt = new JsonWebToken(options.Headers!.GetValue("authorization")!["Bearer ".Length..]);
        return (jwt.Subject, jwt.GetClaim("role").Value, jwt.TryGetClaim("unit", out var unit) ? unit.Value : null);
    }
}
