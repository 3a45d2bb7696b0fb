using System.Text;
using Google.Protobuf;

namespace ProjectHub.Grpc.Tests.Interop;

/// <summary>
/// The gRPC interop client cases, run with ProjectHub's client against any TestService server (ours, grpcio's,
/// grpc-js's). Each case throws on failure.
/// </summary>
public sealed class InteropClient(GrpcChannel channel)
{
    public const int MaxMessageSize = 4 * 1024 * 1024;
    public const string NonAsciiStatusMessage = "服务暂不可用 \t\n ✓ 项目«重点»";

    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = TestReflection.Descriptor.Services[0];
    private static readonly Method<Empty, Empty> EmptyCallMethod = Method<Empty, Empty>.Create(Service, "EmptyCall", MethodType.Unary);
    private static readonly Method<SimpleRequest, SimpleResponse> UnaryCallMethod = Method<SimpleRequest, SimpleResponse>.Create(Service, "UnaryCall", MethodType.Unary);
    private static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> StreamingOutputCallMethod =
        Method<StreamingOutputCallRequest, StreamingOutputCallResponse>.Create(Service, "StreamingOutputCall", MethodType.ServerStreaming);
    private static readonly Method<StreamingInputCallRequest, StreamingInputCallResponse> StreamingInputCallMethod =
        Method<StreamingInputCallRequest, StreamingInputCallResponse>.Create(Service, "StreamingInputCall", MethodType.ClientStreaming);
    private static readonly Method<StreamingOutputCallRequest, StreamingOutputCallResponse> FullDuplexCallMethod =
        Method<StreamingOutputCallRequest, StreamingOutputCallResponse>.Create(Service, "FullDuplexCall", MethodType.DuplexStreaming);

    public static readonly string[] Cases =
    [
        "empty_unary", "large_unary", "large_unary_near_limit", "large_unary_over_limit", "client_streaming",
        "server_streaming", "ping_pong", "empty_stream", "cancel_after_begin", "cancel_after_first_response",
        "timeout_on_sleeping_server", "status_code_and_message", "special_status_message", "custom_metadata",
        "unimplemented_method", "unimplemented_service", "client_compressed_unary",
    ];

    public Task RunAsync(string testCase) => testCase switch
    {
        "empty_unary" => EmptyUnaryAsync(),
        "large_unary" => LargeUnaryAsync(314159, 271828),
        "large_unary_near_limit" => LargeUnaryAsync(MaxMessageSize - 64, MaxMessageSize - 64),
        "large_unary_over_limit" => LargeUnaryOverLimitAsync(),
        "client_streaming" => ClientStreamingAsync(),
        "server_streaming" => ServerStreamingAsync(),
        "ping_pong" => PingPongAsync(),
        "empty_stream" => EmptyStreamAsync(),
        "cancel_after_begin" => CancelAfterBeginAsync(),
        "cancel_after_first_response" => CancelAfterFirstResponseAsync(),
        "timeout_on_sleeping_server" => TimeoutOnSleepingServerAsync(),
        "status_code_and_message" => StatusCodeAndMessageAsync(NonAsciiStatusMessage),
        "special_status_message" => StatusCodeAndMessageAsync("\t\ntest with whitespace\r\nand Unicode BMP ☺ and non-BMP 😈\t\n"),
        "custom_metadata" => CustomMetadataAsync(),
        "unimplemented_method" => UnimplementedAsync("/grpc.testing.TestService/UnimplementedCall"),
        "unimplemented_service" => UnimplementedAsync("/grpc.testing.UnimplementedService/UnimplementedCall"),
        "client_compressed_unary" => ClientCompressedUnaryAsync(),
        _ => throw new ArgumentException($"Unknown interop case {testCase}", nameof(testCase)),
    };

    private async Task EmptyUnaryAsync()
    {
        var response = await channel.UnaryCall(EmptyCallMethod, new Empty());
        Assert.Equal(new Empty(), response);
    }

    private async Task LargeUnaryAsync(int requestSize, int responseSize)
    {
        var request = new SimpleRequest { ResponseSize = responseSize, Payload = Payload(requestSize) };
        if (request.CalculateSize() > MaxMessageSize)
        {
            request.Payload = Payload(requestSize - (request.CalculateSize() - MaxMessageSize));
        }

        var response = await channel.UnaryCall(UnaryCallMethod, request);
        Assert.Equal(responseSize, response.Payload.Body.Length);
        Assert.All(response.Payload.Body, b => Assert.Equal(0, b));
    }

    private async Task LargeUnaryOverLimitAsync()
    {
        var request = new SimpleRequest { ResponseSize = 1, Payload = Payload(MaxMessageSize + 1) };
        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryCall(UnaryCallMethod, request).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    private async Task ClientStreamingAsync()
    {
        using var call = channel.ClientStreamingCall(StreamingInputCallMethod);
        foreach (var size in new[] { 27182, 8, 1828, 45904 })
        {
            await call.RequestStream.WriteAsync(new StreamingInputCallRequest { Payload = Payload(size) });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        Assert.Equal(74922, response.AggregatedPayloadSize);
    }

    private async Task ServerStreamingAsync()
    {
        var sizes = new[] { 31415, 9, 2653, 58979 };
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.AddRange(sizes.Select(s => new ResponseParameters { Size = s }));
        using var call = channel.ServerStreamingCall(StreamingOutputCallMethod, request);
        var received = new List<int>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            received.Add(response.Payload.Body.Length);
        }

        Assert.Equal(sizes, received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task PingPongAsync()
    {
        var responseSizes = new[] { 31415, 9, 2653, 58979 };
        var requestSizes = new[] { 27182, 8, 1828, 45904 };
        using var call = channel.DuplexStreamingCall(FullDuplexCallMethod);
        for (var i = 0; i < responseSizes.Length; i++)
        {
            var request = new StreamingOutputCallRequest { Payload = Payload(requestSizes[i]) };
            request.ResponseParameters.Add(new ResponseParameters { Size = responseSizes[i] });
            await call.RequestStream.WriteAsync(request);
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(responseSizes[i], call.ResponseStream.Current.Payload.Body.Length);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task EmptyStreamAsync()
    {
        using var call = channel.DuplexStreamingCall(FullDuplexCallMethod);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    private async Task CancelAfterBeginAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = channel.ClientStreamingCall(StreamingInputCallMethod, new CallOptions(CancellationToken: cancellation.Token));
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    private async Task CancelAfterFirstResponseAsync()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = channel.DuplexStreamingCall(FullDuplexCallMethod, new CallOptions(CancellationToken: cancellation.Token));
        var request = new StreamingOutputCallRequest { Payload = Payload(27182) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 31415 });
        await call.RequestStream.WriteAsync(request);
        Assert.True(await call.ResponseStream.MoveNext());
        await cancellation.CancelAsync();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    private async Task TimeoutOnSleepingServerAsync()
    {
        using var call = channel.DuplexStreamingCall(FullDuplexCallMethod,
            new CallOptions().WithDeadlineAfter(TimeSpan.FromMilliseconds(50)));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { Payload = Payload(27182) });
            await call.ResponseStream.MoveNext();
        });
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    private async Task StatusCodeAndMessageAsync(string message)
    {
        var echo = new EchoStatus { Code = (int)StatusCode.Unknown, Message = message };
        var unary = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCall(UnaryCallMethod, new SimpleRequest { ResponseStatus = echo }).ResponseAsync);
        Assert.Equal(StatusCode.Unknown, unary.StatusCode);
        Assert.Equal(message, unary.Status.Detail);

        using var call = channel.DuplexStreamingCall(FullDuplexCallMethod);
        await call.RequestStream.WriteAsync(new StreamingOutputCallRequest { ResponseStatus = echo });
        await call.RequestStream.CompleteAsync();
        var duplex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unknown, duplex.StatusCode);
        Assert.Equal(message, duplex.Status.Detail);
    }

    private async Task CustomMetadataAsync()
    {
        const string initialValue = "test_initial_metadata_value";
        var trailingValue = new byte[] { 0xab, 0xab, 0xab };
        Metadata Headers() => new Metadata().Add(TestServiceImpl.EchoInitialKey, initialValue).Add(TestServiceImpl.EchoTrailingKey, trailingValue);

        using var unary = channel.UnaryCall(UnaryCallMethod,
            new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) }, new CallOptions(Headers()));
        await unary.ResponseAsync;
        Assert.Equal(initialValue, (await unary.ResponseHeadersAsync).GetValue(TestServiceImpl.EchoInitialKey));
        Assert.Equal(trailingValue, unary.GetTrailers().GetValueBytes(TestServiceImpl.EchoTrailingKey));

        using var duplex = channel.DuplexStreamingCall(FullDuplexCallMethod, new CallOptions(Headers()));
        var request = new StreamingOutputCallRequest { Payload = Payload(271828) };
        request.ResponseParameters.Add(new ResponseParameters { Size = 314159 });
        await duplex.RequestStream.WriteAsync(request);
        await duplex.RequestStream.CompleteAsync();
        Assert.Equal(initialValue, (await duplex.ResponseHeadersAsync).GetValue(TestServiceImpl.EchoInitialKey));
        while (await duplex.ResponseStream.MoveNext())
        {
        }

        Assert.Equal(trailingValue, duplex.GetTrailers().GetValueBytes(TestServiceImpl.EchoTrailingKey));
    }

    private async Task UnimplementedAsync(string path)
    {
        var method = Method<Empty, Empty>.ForPath(path, MethodType.Unary);
        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryCall(method, new Empty()).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    private async Task ClientCompressedUnaryAsync()
    {
        using var compressing = GrpcChannel.ForAddress(channel.Address, new GrpcChannelOptions { CompressRequests = true });
        var response = await compressing.UnaryCall(UnaryCallMethod, new SimpleRequest { ResponseSize = 314159, Payload = Payload(271828) });
        Assert.Equal(314159, response.Payload.Body.Length);
    }

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    public static string Describe(string text) => string.Join(" ", Encoding.UTF8.GetBytes(text).Select(b => b.ToString("x2")));
}
