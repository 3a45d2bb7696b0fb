using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Tests.Protocol;

public sealed class MetadataHeadersTests
{
    [Theory]
    [InlineData("AQID", new byte[] { 1, 2, 3 })]
    [InlineData("AQI=", new byte[] { 1, 2 })]
    [InlineData("AQI", new byte[] { 1, 2 })]
    [InlineData("AQ==", new byte[] { 1 })]
    [InlineData("AQ", new byte[] { 1 })]
    [InlineData("", new byte[0])]
    [InlineData("q6ur", new byte[] { 0xab, 0xab, 0xab })]
    public void Decodes_base64_padded_or_not(string value, byte[] expected)
    {
        Assert.Equal(expected, MetadataHeaders.DecodeBase64(value));
    }

    [Theory]
    [InlineData(new byte[] { 1 }, "AQ")]
    [InlineData(new byte[] { 1, 2 }, "AQI")]
    [InlineData(new byte[] { 1, 2, 3 }, "AQID")]
    public void Sends_binary_values_unpadded(byte[] value, string expected)
    {
        var entry = new Metadata().Add("x-data-bin", value).Single();
        Assert.Equal(expected, MetadataHeaders.ToHeaderValue(entry));
        Assert.Equal(value, MetadataHeaders.DecodeBase64(MetadataHeaders.ToHeaderValue(entry)));
    }

    [Fact]
    public void Comma_joined_binary_header_holds_several_values()
    {
        var metadata = new Metadata();
        MetadataHeaders.AddFromHeader(metadata, "X-Data-Bin", "AQ==, AgM");
        Assert.Equal([[1], [2, 3]], metadata.GetAll("x-data-bin").Select(e => e.ValueBytes!));
    }

    [Fact]
    public void Text_values_are_kept_whole()
    {
        var metadata = new Metadata();
        MetadataHeaders.AddFromHeader(metadata, "x-list", "a, b");
        Assert.Equal("a, b", metadata.GetValue("x-list"));
    }

    [Theory]
    [InlineData("grpc-status")]
    [InlineData("grpc-timeout")]
    [InlineData(":path")]
    [InlineData("content-type")]
    [InlineData("te")]
    [InlineData("traceparent")]
    [InlineData("x-a+b")] // a legal HTTP header name, but not a metadata key: not metadata, and no failure
    public void Protocol_and_non_metadata_headers_are_not_metadata(string name)
    {
        var metadata = new Metadata();
        MetadataHeaders.AddFromHeader(metadata, name, "1");
        Assert.Equal(0, metadata.Count);
    }

    [Fact]
    public void Malformed_binary_value_is_an_internal_error()
    {
        var error = Assert.Throws<RpcException>(() => MetadataHeaders.AddFromHeader(new Metadata(), "x-data-bin", "A"));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("x-data-bin", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_details_round_trip_and_garbage_is_ignored()
    {
        var status = new Google.Rpc.Status { Code = 3, Message = "坏" };
        Assert.Equal(status, MetadataHeaders.ParseStatusDetails(MetadataHeaders.FormatStatusDetails(status)));
        Assert.Null(MetadataHeaders.ParseStatusDetails("!!!"));
        Assert.Null(MetadataHeaders.ParseStatusDetails(null));
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("APPLICATION/GRPC", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/grpc-web-text+proto", false)]
    [InlineData("application/grpcx", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Recognises_grpc_content_types(string? contentType, bool expected)
    {
        Assert.Equal(expected, GrpcHeaders.IsGrpcContentType(contentType));
    }
}
