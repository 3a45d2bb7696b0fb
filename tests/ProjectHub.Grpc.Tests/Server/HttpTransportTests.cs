using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

/// <summary>What the gRPC middleware does with requests that are not gRPC over HTTP/2.</summary>
public sealed class HttpTransportTests
{
    private const string PassedThrough = "passed through to the next middleware";

    private static Task<TestGrpcServer> StartAsync(HttpProtocols protocols) =>
        TestGrpcServer.StartAsync(protocols: protocols, configureApp: app => app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return context.Response.WriteAsync(PassedThrough);
        }));

    [Fact]
    public async Task Grpc_over_http1_gets_426_upgrade_required()
    {
        await using var server = await StartAsync(HttpProtocols.Http1AndHttp2);
        var response = await RawGrpc.SendAsync(server.Address + "/grpc.testing.TestService/EmptyCall", HttpVersion.Version11,
            HttpMethod.Post, "application/grpc", RawGrpc.Frame(new Empty()));

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("h2c", response.Header("upgrade"));
        Assert.Null(response.GrpcStatus);
    }

    [Fact]
    public async Task Cleartext_port_that_also_speaks_http1_refuses_grpc()
    {
        // Kestrel speaks only HTTP/1.1 on a cleartext Http1AndHttp2 port (no TLS, so no ALPN to choose): it answers
        // HTTP/2 prior knowledge with HTTP_1_1_REQUIRED. A gRPC port without TLS must be Http2 only.
        await using var server = await StartAsync(HttpProtocols.Http1AndHttp2);
        using var channel = server.CreateChannel();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCall(Method<Empty, Empty>.ForPath("/grpc.testing.TestService/EmptyCall", MethodType.Unary), new Empty()).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("HTTP_1_1_REQUIRED", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http1_request_to_an_http2_only_port_gets_no_grpc_answer()
    {
        await using var server = await StartAsync(HttpProtocols.Http2);
        var response = await RawGrpc.SendAsync(server.Address + "/grpc.testing.TestService/EmptyCall",
            HttpVersion.Version11, HttpMethod.Post, "application/grpc", RawGrpc.Frame(new Empty()));
        // Kestrel answers it itself, before any middleware: 400 and a plain-text reason, no gRPC status.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HTTP/2 only endpoint", System.Text.Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
        Assert.Null(response.GrpcStatus);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/grpc-web")]
    [InlineData("application/grpc-web-text+proto")]
    [InlineData(null)]
    public async Task Other_content_types_pass_through(string? contentType)
    {
        await using var server = await StartAsync(HttpProtocols.Http2);
        var response = await RawGrpc.SendAsync(server.Address + "/grpc.testing.TestService/EmptyCall", HttpVersion.Version20,
            HttpMethod.Post, contentType, RawGrpc.Frame(new Empty()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PassedThrough, System.Text.Encoding.UTF8.GetString(response.Body));
        Assert.Null(response.GrpcStatus);
    }

    [Fact]
    public async Task Grpc_content_type_with_a_subtype_is_grpc()
    {
        await using var server = await StartAsync(HttpProtocols.Http2);
        var response = await RawGrpc.SendAsync(server.Address + "/grpc.testing.TestService/EmptyCall", HttpVersion.Version20,
            HttpMethod.Post, "application/grpc+proto", RawGrpc.Frame(new Empty()));

        Assert.Equal("0", response.GrpcStatus);
        Assert.Equal([0, 0, 0, 0, 0], response.Body);
    }

    [Fact]
    public async Task Grpc_request_that_is_not_a_post_gets_405()
    {
        await using var server = await StartAsync(HttpProtocols.Http2);
        var response = await RawGrpc.SendAsync(server.Address + "/grpc.testing.TestService/EmptyCall", HttpVersion.Version20,
            HttpMethod.Put, "application/grpc", RawGrpc.Frame(new Empty()));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
