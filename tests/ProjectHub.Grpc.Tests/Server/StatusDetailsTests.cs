using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class StatusDetailsTests : IAsyncLifetime
{
    private TestGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _server = await ProbeServer.StartAsync();
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Field_violations_arrive_with_chinese_text_intact()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ProbeClient(_channel).Validate(new ProbeRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("请求无效：2 个字段有误 (100%)", error.Status.Detail);
        Assert.Equal([("name", "名称不能为空"), ("email", "邮箱格式不正确：缺少 “@”")],
            error.FieldViolations.Select(v => (v.Field, v.Description)));
        Assert.Equal((int)StatusCode.InvalidArgument, error.Status.RichStatus!.Code);
        Assert.Equal(error.Status.Detail, error.Status.RichStatus.Message);
    }

    [Fact]
    public async Task On_the_wire_the_message_is_percent_encoded_and_details_are_unpadded_base64()
    {
        var response = await RawGrpc.CallAsync(_server, "/projecthub.testing.ProbeService/Validate", new ProbeRequest());

        Assert.Equal("3", response.GrpcStatus);
        var message = response.Header("grpc-message")!;
        Assert.All(message, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("100%25", message, StringComparison.Ordinal);
        var details = response.Header("grpc-status-details-bin")!;
        Assert.DoesNotContain('=', details);
        var status = Google.Rpc.Status.Parser.ParseFrom(ProjectHub.Grpc.Protocol.MetadataHeaders.DecodeBase64(details));
        Assert.Equal("请求无效：2 个字段有误 (100%)", status.Message);
    }

    [Fact]
    public async Task Status_without_details_has_no_field_violations()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryCall(
            Method<Empty, Empty>.ForPath("/grpc.testing.TestService/Nope", MethodType.Unary), new Empty()).ResponseAsync);
        Assert.Empty(error.FieldViolations);
        Assert.Null(error.Reason);
    }

    [Fact]
    public async Task Malformed_binary_request_metadata_is_internal()
    {
        var response = await RawGrpc.CallAsync(_server, "/grpc.testing.TestService/EmptyCall", new Empty(), ("x-data-bin", "A"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Header_that_cannot_be_metadata_does_not_fail_the_call()
    {
        var response = await RawGrpc.CallAsync(_server, "/grpc.testing.TestService/EmptyCall", new Empty(), ("x-a+b", "1"));
        Assert.Equal("0", response.GrpcStatus);
    }
}
