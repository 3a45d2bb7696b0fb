using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using ReflectionV1 = Grpc.Reflection.V1;
using ReflectionV1Alpha = Grpc.Reflection.V1Alpha;

namespace ProjectHub.Grpc.Tests.Interop;

/// <summary>
/// The gRPC interop client cases, run with ProjectHub's client against any TestService server (ours, grpcio's,
/// grpc-js's). Each case throws on failure. <paramref name="skipCompressionProbe"/> leaves out the first step of
/// client_compressed_unary, which needs a server that sees the per-message compressed flag (grpcio and grpc-js
/// servers cannot; ours can).
/// </summary>
public sealed class InteropClient(GrpcChannel channel, bool skipCompressionProbe = false)
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

    private static readonly Method<HealthCheckRequest, HealthCheckResponse> HealthCheckMethod =
        Method<HealthCheckRequest, HealthCheckResponse>.Create(HealthReflection.Descriptor.Services[0], "Check", MethodType.Unary);
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> HealthWatchMethod =
        Method<HealthCheckRequest, HealthCheckResponse>.Create(HealthReflection.Descriptor.Services[0], "Watch", MethodType.ServerStreaming);
    private static readonly Method<ReflectionV1.ServerReflectionRequest, ReflectionV1.ServerReflectionResponse> ReflectionV1Method =
        Method<ReflectionV1.ServerReflectionRequest, ReflectionV1.ServerReflectionResponse>.Create(
            ReflectionV1.ReflectionReflection.Descriptor.Services[0], "ServerReflectionInfo", MethodType.DuplexStreaming);
    private static readonly Method<ReflectionV1Alpha.ServerReflectionRequest, ReflectionV1Alpha.ServerReflectionResponse> ReflectionV1AlphaMethod =
        Method<ReflectionV1Alpha.ServerReflectionRequest, ReflectionV1Alpha.ServerReflectionResponse>.Create(
            ReflectionV1Alpha.ReflectionReflection.Descriptor.Services[0], "ServerReflectionInfo", MethodType.DuplexStreaming);

    /// <summary>Services every interop server here (ours, grpcio's) must list through reflection.</summary>
    public static readonly string[] ExpectedReflectionServices = ["grpc.testing.TestService", "grpc.health.v1.Health"];

    public static readonly string[] Cases =
    [
        "empty_unary", "large_unary", "large_unary_near_limit", "large_unary_over_limit", "client_streaming",
        "server_streaming", "ping_pong", "empty_stream", "cancel_after_begin", "cancel_after_first_response",
        "timeout_on_sleeping_server", "status_code_and_message", "special_status_message", "custom_metadata",
        "unimplemented_method", "unimplemented_service", "client_compressed_unary", "server_compressed_unary",
        "server_compressed_streaming", "health_check", "health_watch", "reflection_list",
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
        "server_compressed_unary" => ServerCompressedUnaryAsync(),
        "server_compressed_streaming" => ServerCompressedStreamingAsync(),
        "health_check" => HealthCheckAsync(),
        "health_watch" => HealthWatchAsync(),
        "reflection_list" => ReflectionListAsync(),
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
        // All zeros, checked in one pass: Assert.All over 4 MiB of bytes takes seconds.
        Assert.True(response.Payload.Body.Span.IndexOfAnyExcept((byte)0) < 0, "The response payload is not all zeros.");
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

    /// <summary>
    /// The spec's client_compressed_unary: (1) probe, expect_compressed on a plain request → INVALID_ARGUMENT;
    /// (2) a gzip request with expect_compressed → OK; (3) a plain one without → OK. Steps 2 and 3 are also checked
    /// on the wire, so a peer server that cannot see the flag still proves that we compressed.
    /// </summary>
    private async Task ClientCompressedUnaryAsync()
    {
        const int requestSize = 271828;
        await using var relay = await StartRelayAsync();
        using var plain = relay.Channel();
        using var compressing = relay.Channel(new GrpcChannelOptions { CompressRequests = true });
        await compressing.UnaryCall(EmptyCallMethod, new Empty());
        SimpleRequest Request(bool expectCompressed) => new()
        {
            ResponseSize = 314159, Payload = Payload(requestSize), ExpectCompressed = new BoolValue { Value = expectCompressed },
        };

        if (!skipCompressionProbe)
        {
            var probe = await Assert.ThrowsAsync<RpcException>(() => plain.UnaryCall(UnaryCallMethod, Request(true)).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, probe.StatusCode);
        }

        var (compressed, up, _) = await relay.Counter.MeasureAsync(() => compressing.UnaryCall(UnaryCallMethod, Request(true)).ResponseAsync);
        Assert.Equal(314159, compressed.Payload.Body.Length);
        Assert.True(up < requestSize / 4, $"The gzip request crossed as {up} bytes: it was not compressed.");

        (var uncompressed, up, _) = await relay.Counter.MeasureAsync(() => plain.UnaryCall(UnaryCallMethod, Request(false)).ResponseAsync);
        Assert.Equal(314159, uncompressed.Payload.Body.Length);
        Assert.True(up >= requestSize, $"The plain request crossed as only {up} bytes.");
    }

    /// <summary>response_compressed=true must come back gzip on the wire, false uncompressed.</summary>
    private async Task ServerCompressedUnaryAsync()
    {
        const int responseSize = 314159;
        await using var relay = await StartRelayAsync();
        using var relayed = relay.Channel();
        SimpleRequest Request(bool compressed) => new()
        {
            ResponseSize = responseSize, Payload = Payload(271828), ResponseCompressed = new BoolValue { Value = compressed },
        };

        var (response, _, down) = await relay.Counter.MeasureAsync(() => relayed.UnaryCall(UnaryCallMethod, Request(true)).ResponseAsync);
        Assert.Equal(responseSize, response.Payload.Body.Length);
        Assert.True(down < responseSize / 4, $"response_compressed=true: {down} bytes came back, not compressed.");

        (response, _, down) = await relay.Counter.MeasureAsync(() => relayed.UnaryCall(UnaryCallMethod, Request(false)).ResponseAsync);
        Assert.Equal(responseSize, response.Payload.Body.Length);
        Assert.True(down >= responseSize, $"response_compressed=false: only {down} bytes came back.");
    }

    /// <summary>Two responses, the first compressed and the second not, checked on the wire.</summary>
    private async Task ServerCompressedStreamingAsync()
    {
        await using var relay = await StartRelayAsync();
        using var relayed = relay.Channel();
        var request = new StreamingOutputCallRequest();
        request.ResponseParameters.Add(new ResponseParameters { Size = 31415, Compressed = new BoolValue { Value = true } });
        request.ResponseParameters.Add(new ResponseParameters { Size = 92653, Compressed = new BoolValue { Value = false } });
        var (sizes, _, down) = await relay.Counter.MeasureAsync(async () =>
        {
            using var call = relayed.ServerStreamingCall(StreamingOutputCallMethod, request);
            var received = new List<int>();
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                received.Add(response.Payload.Body.Length);
            }

            return received;
        });
        Assert.Equal([31415, 92653], sizes);
        Assert.True(down >= 92653 && down < 92653 + (31415 / 2),
            $"{down} bytes came back: expected the first response compressed and the second not.");
    }

    private async Task HealthCheckAsync()
    {
        var overall = await channel.UnaryCall(HealthCheckMethod, new HealthCheckRequest { Service = "" });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryCall(HealthCheckMethod, new HealthCheckRequest { Service = "projecthub.NoSuchService" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    private async Task HealthWatchAsync()
    {
        using (var watch = channel.ServerStreamingCall(HealthWatchMethod, new HealthCheckRequest { Service = "" },
                   new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(30))))
        {
            Assert.True(await watch.ResponseStream.MoveNext());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, watch.ResponseStream.Current.Status);
        }

        // Disposing cancelled the watch; the server must go on serving.
        await channel.UnaryCall(EmptyCallMethod, new Empty());
    }

    private async Task ReflectionListAsync()
    {
        await ReflectionListAsync(ReflectionV1Method);
        await ReflectionListAsync(ReflectionV1AlphaMethod);
    }

    /// <summary>
    /// list_services, then file_containing_symbol for each service (a returned FileDescriptorProto must declare it),
    /// then an unknown symbol (NOT_FOUND). v1alpha's messages are v1's on the wire, so both go through v1 types.
    /// </summary>
    private async Task ReflectionListAsync<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = channel.DuplexStreamingCall(method, new CallOptions().WithDeadlineAfter(TimeSpan.FromSeconds(30)));
        async Task<ReflectionV1.ServerReflectionResponse> Ask(ReflectionV1.ServerReflectionRequest request)
        {
            var wire = new TRequest();
            wire.MergeFrom(request.ToByteString());
            await call.RequestStream.WriteAsync(wire);
            Assert.True(await call.ResponseStream.MoveNext(), $"{method.FullName}: no answer to {request}");
            return ReflectionV1.ServerReflectionResponse.Parser.ParseFrom(call.ResponseStream.Current.ToByteString());
        }

        var list = await Ask(new ReflectionV1.ServerReflectionRequest { Host = channel.Address.Host, ListServices = "*" });
        Assert.Equal(ReflectionV1.ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, list.MessageResponseCase);
        var names = list.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.All(ExpectedReflectionServices, expected => Assert.Contains(expected, names));
        foreach (var name in names)
        {
            var answer = await Ask(new ReflectionV1.ServerReflectionRequest { FileContainingSymbol = name });
            Assert.True(answer.MessageResponseCase == ReflectionV1.ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse,
                $"{method.FullName}: file_containing_symbol({name}) answered {answer}");
            var declaring = answer.FileDescriptorResponse.FileDescriptorProto
                .Select(FileDescriptorProto.Parser.ParseFrom)
                .FirstOrDefault(file => file.Service.Any(s => (file.Package.Length > 0 ? $"{file.Package}.{s.Name}" : s.Name) == name));
            Assert.True(declaring is not null, $"{method.FullName}: no FileDescriptorProto returned for {name} declares it.");
        }

        var unknown = await Ask(new ReflectionV1.ServerReflectionRequest { FileContainingSymbol = "projecthub.no.such.Symbol" });
        Assert.Equal(ReflectionV1.ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, unknown.MessageResponseCase);
        Assert.Equal((int)StatusCode.NotFound, unknown.ErrorResponse.ErrorCode);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    /// <summary>A relay to the channel's server, with a first call made through it so the connection is settled.</summary>
    private async Task<Relay> StartRelayAsync()
    {
        var host = IPAddress.TryParse(channel.Address.Host, out var address) ? address : IPAddress.Loopback;
        var relay = new Relay(new ByteCountingRelay(new IPEndPoint(host, channel.Address.Port)));
        using var warmUp = relay.Channel();
        await warmUp.UnaryCall(EmptyCallMethod, new Empty());
        return relay;
    }

    private sealed class Relay(ByteCountingRelay counter) : IAsyncDisposable
    {
        public ByteCountingRelay Counter { get; } = counter;

        public GrpcChannel Channel(GrpcChannelOptions? options = null) =>
            GrpcChannel.ForAddress($"http://127.0.0.1:{Counter.Port}", options);

        public ValueTask DisposeAsync() => Counter.DisposeAsync();
    }

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };

    public static string Describe(string text) => string.Join(" ", Encoding.UTF8.GetBytes(text).Select(b => b.ToString("x2")));
}
