using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Tests.Protocol;

public sealed class StatusMessageEncodingTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ascii: ok!")]
    [InlineData("服务暂不可用")]
    [InlineData("项目«重点» 100% 完成")]
    [InlineData("%")]
    [InlineData("%25 is how % travels")]
    [InlineData("\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n")]
    public void Round_trips(string message)
    {
        var encoded = StatusMessageEncoding.Encode(message);
        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(message, StatusMessageEncoding.Decode(encoded));
    }

    [Fact]
    public void Encodes_utf8_bytes_and_percent_and_leaves_printable_ascii()
    {
        Assert.Equal("a b~", StatusMessageEncoding.Encode("a b~"));
        Assert.Equal("100%25", StatusMessageEncoding.Encode("100%"));
        Assert.Equal("%E6%9C%8D%E5%8A%A1", StatusMessageEncoding.Encode("服务"));
        Assert.Equal("line%0Anext%09tab", StatusMessageEncoding.Encode("line\nnext\ttab"));
    }

    [Fact]
    public void Decodes_lower_case_hex()
    {
        Assert.Equal("服务", StatusMessageEncoding.Decode("%e6%9c%8d%e5%8a%a1"));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("100%", "100%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz ok", "%zz ok")]
    [InlineData("50%-off", "50%-off")]
    [InlineData("a%2", "a%2")]
    [InlineData("%%41", "%A")]
    [InlineData("%41%", "A%")]
    [InlineData("unencoded 服务", "unencoded 服务")]
    public void Keeps_malformed_escapes_as_they_are(string encoded, string expected)
    {
        Assert.Equal(expected, StatusMessageEncoding.Decode(encoded));
    }

    [Fact]
    public void Invalid_utf8_after_decoding_becomes_replacement_characters()
    {
        // A truncated three-byte sequence: lenient, never an exception.
        Assert.Equal("x\uFFFDy", StatusMessageEncoding.Decode("x%E6%9Cy"));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    public void Missing_message_is_empty(string? encoded, string expected)
    {
        Assert.Equal(expected, StatusMessageEncoding.Decode(encoded));
    }
}
