using Microsoft.IdentityModel.JsonWebTokens;
using ProjectHub.Board.Auth;

namespace ProjectHub.Board.Tests;

/// <summary>Which token the board calls with, in and out of development mode (no services, no browser).</summary>
public sealed class BoardTokensTests
{
    private static JsonWebToken Read(string token) => new JsonWebTokenHandler().ReadJsonWebToken(token);

    [Fact]
    public void In_development_mode_it_reads_as_an_inspector_and_acknowledges_as_the_recipient_for_two_minutes()
    {
        var tokens = new BoardTokens(configured: null, development: true, TimeProvider.System);

        var reader = Read(tokens.ForReading());
        Assert.Equal("inspector", reader.GetPayloadValue<string>("role"));
        Assert.Equal(tokens.ForReading(), tokens.ForReading()); // minted once, reused until close to expiry

        var recipient = Read(tokens.ForRecipient("张副市长")!);
        Assert.Equal("张副市长", recipient.Subject);
        Assert.Equal("张副市长", recipient.GetPayloadValue<string>("unit"));
        Assert.Equal("leader", recipient.GetPayloadValue<string>("role"));
        Assert.DoesNotContain(recipient.Claims, c => c.Type == "tier");
        Assert.Equal(TimeSpan.FromMinutes(2), recipient.ValidTo - recipient.IssuedAt);
    }

    [Fact]
    public void A_configured_token_is_used_for_reads_and_outside_development_mode_nobody_is_impersonated()
    {
        var tokens = new BoardTokens(" service-token ", development: false, TimeProvider.System);

        Assert.Equal("service-token", tokens.ForReading());
        Assert.Null(tokens.ForRecipient("张副市长"));
    }

    [Fact]
    public void Outside_development_mode_a_token_is_required()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new BoardTokens(null, development: false, TimeProvider.System));
        Assert.Contains("Board:Token", e.Message);
    }
}
