using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    public static TheoryData<string, TimeSpan> Valid => new()
    {
        { "2H", TimeSpan.FromHours(2) },
        { "3M", TimeSpan.FromMinutes(3) },
        { "45S", TimeSpan.FromSeconds(45) },
        { "100m", TimeSpan.FromMilliseconds(100) },
        { "250u", TimeSpan.FromMicroseconds(250) },
        { "1500n", TimeSpan.FromTicks(15) },
        { "0m", TimeSpan.Zero },
        { "99999999S", TimeSpan.FromSeconds(99_999_999) },
        { "99999999H", TimeSpan.FromHours(99_999_999) },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_every_unit(string header, TimeSpan expected)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(expected, timeout);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")] // units are case-sensitive: s is not S
    [InlineData("10h")]
    [InlineData("10x")]
    [InlineData("123456789S")] // nine digits: at most eight
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData(" 1S")]
    [InlineData("1 S")]
    [InlineData("1.5S")]
    [InlineData("1e3m")]
    [InlineData("１S")] // a full-width digit is not an ASCII digit
    public void Rejects_malformed_values(string? header)
    {
        Assert.False(GrpcTimeout.TryParse(header, out _));
    }

    public static TheoryData<TimeSpan, string> Formats => new()
    {
        { TimeSpan.Zero, "0u" },
        { TimeSpan.FromMilliseconds(-5), "0u" },
        { TimeSpan.FromMicroseconds(250), "250u" },
        { TimeSpan.FromSeconds(99), "99000000u" },
        { TimeSpan.FromSeconds(100), "100000m" },
        { TimeSpan.FromDays(2), "172800S" }, // 172800000 ms would be nine digits
        { TimeSpan.FromDays(1200), "1728000M" },
        { TimeSpan.FromDays(365 * 200), "1752000H" },
        { TimeSpan.MaxValue, "99999999H" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Formats_in_the_finest_unit_that_fits_eight_digits(TimeSpan timeout, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(timeout));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999_999)]
    [InlineData(123_456_789)]
    [InlineData(86_400_000_000)]
    public void Format_then_parse_loses_less_than_the_unit(long microseconds)
    {
        var timeout = TimeSpan.FromMicroseconds(microseconds);
        var header = GrpcTimeout.Format(timeout);
        Assert.True(header.Length <= 9, header);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed <= timeout && timeout - parsed < TimeSpan.FromSeconds(1), $"{timeout} → {header} → {parsed}");
    }
}
