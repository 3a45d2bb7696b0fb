using System.Text;
using Google.Rpc;
using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Tests.Protocol;

public sealed class StatusLimitsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("项目名称不能为空")]
    public void Short_text_is_kept_as_it_is(string text) =>
        Assert.Same(text, StatusLimits.Truncate(text, 1024));

    [Fact]
    public void Long_text_is_cut_on_a_character_boundary_and_marked()
    {
        // 3-byte characters and a 4-byte one straddling the cut: no half character may remain.
        var text = new string('字', 340) + "😈" + new string('x', 100);

        var cut = StatusLimits.Truncate(text, 1024);

        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(cut) <= 1024);
        Assert.StartsWith(new string('字', 340), cut, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)));
        Assert.Equal(cut, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)));
    }

    [Fact]
    public void A_small_status_is_sent_unchanged()
    {
        var status = RpcException.InvalidArgument("name", "Required.").Status;
        Assert.Equal(status, StatusLimits.Cap(status));
    }

    [Fact]
    public void Thousands_of_violations_become_forty_nine_and_a_summary()
    {
        var violations = Enumerable.Range(0, 10_000).Select(i => ($"items[{i}].name", new string('长', 2000)));
        var status = RpcException.InvalidArgument("The request has invalid fields. " + new string('x', 1_000_000), violations).Status;

        var capped = StatusLimits.Cap(status);

        Assert.Equal(StatusCode.InvalidArgument, capped.StatusCode);
        Assert.True(Encoding.UTF8.GetByteCount(capped.Detail) <= StatusLimits.MaxMessageBytes);
        Assert.StartsWith("The request has invalid fields. ", capped.Detail, StringComparison.Ordinal);
        Assert.Equal(capped.Detail, capped.RichStatus!.Message);
        var badRequest = capped.RichStatus.Details.Single().Unpack<BadRequest>();
        Assert.Equal(StatusLimits.MaxFieldViolations, badRequest.FieldViolations.Count);
        Assert.Equal("items[48].name", badRequest.FieldViolations[48].Field);
        Assert.All(badRequest.FieldViolations, v => Assert.True(Encoding.UTF8.GetByteCount(v.Description) <= StatusLimits.MaxDescriptionBytes));
        Assert.Equal(("", "and 9,951 more field violations not shown."),
            (badRequest.FieldViolations[^1].Field, badRequest.FieldViolations[^1].Description));
        Assert.True(capped.RichStatus.CalculateSize() < 32 * 1024);
        Assert.Equal(capped, StatusLimits.Cap(capped));
    }

    [Fact]
    public void Exactly_the_limit_of_violations_is_kept_whole()
    {
        var status = RpcException.InvalidArgument("Bad.", Enumerable.Range(0, StatusLimits.MaxFieldViolations).Select(i => ($"f{i}", "Bad."))).Status;
        Assert.Equal(status, StatusLimits.Cap(status));
    }

    [Fact]
    public void Other_details_too_large_to_send_are_dropped_but_the_status_stays()
    {
        var info = new ErrorInfo { Reason = "TOO_BIG", Domain = "test" };
        info.Metadata.Add("value", new string('x', 100_000));
        var status = RpcException.WithDetails(StatusCode.FailedPrecondition, "No.", info).Status;

        var capped = StatusLimits.Cap(status);

        Assert.Equal((StatusCode.FailedPrecondition, "No."), (capped.StatusCode, capped.Detail));
        Assert.Empty(capped.RichStatus!.Details);
    }
}

public sealed class ErrorTextTests
{
    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("P-001", "\"P-001\"")]
    [InlineData("项目'; DROP TABLE x; --", "\"项目'; DROP TABLE x; --\"")]
    [InlineData("\u0000\u0007\u001b[2J", "\"\\u0000\\u0007\\u001B[2J\"")]
    public void Short_values_are_quoted_whole_with_control_characters_escaped(string value, string expected) =>
        Assert.Equal(expected, ErrorText.Quote(value));

    [Fact]
    public void Long_values_are_cut_after_forty_characters_never_inside_one()
    {
        var value = new string('字', 39) + "😈" + new string('x', 1_000_000);
        Assert.Equal("\"" + new string('字', 39) + "😈…\"", ErrorText.Quote(value));
    }
}
