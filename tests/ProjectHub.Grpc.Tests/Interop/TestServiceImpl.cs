using Google.Protobuf;

namespace ProjectHub.Grpc.Tests.Interop;

/// <summary>grpc.testing.TestService as the public interop test descriptions define its behaviour.</summary>
[GrpcService(typeof(TestReflection), "grpc.testing.TestService")]
public sealed class TestServiceImpl
{
    public const string EchoInitialKey = "x-grpc-test-echo-initial";
    public const string EchoTrailingKey = "x-grpc-test-echo-trailing-bin";

    public Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public async Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
    {
        ThrowIfNotCompressedAsExpected(request.ExpectCompressed, context);
        if (request.ResponseCompressed?.Value == true)
        {
            // Before any headers go out: they must announce grpc-encoding: gzip.
            context.ResponseCompression = "gzip";
        }

        await EchoMetadataAsync(context);
        ThrowIfStatusRequested(request.ResponseStatus);
        return new SimpleResponse { Payload = PayloadOf(request.ResponseSize) };
    }

    public async Task StreamingOutputCall(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        // If any response is to be compressed, the headers must announce gzip before the first message, whichever
        // message that is; each message then turns compression on or off for itself.
        var anyCompressed = request.ResponseParameters.Any(p => p.Compressed?.Value == true);
        if (anyCompressed)
        {
            context.ResponseCompression = "gzip";
        }

        await EchoMetadataAsync(context, sendHeaders: anyCompressed);
        foreach (var parameters in request.ResponseParameters)
        {
            await WriteAfterIntervalAsync(parameters, responseStream, context);
        }

        ThrowIfStatusRequested(request.ResponseStatus);
    }

    public async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        var total = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ThrowIfNotCompressedAsExpected(request.ExpectCompressed, context);
            total += request.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public async Task FullDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ThrowIfStatusRequested(request.ResponseStatus);
            foreach (var parameters in request.ResponseParameters)
            {
                await WriteAfterIntervalAsync(parameters, responseStream, context);
            }
        }
    }

    public async Task HalfDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        var requests = new List<StreamingOutputCallRequest>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            requests.Add(request);
        }

        foreach (var parameters in requests.SelectMany(r => r.ResponseParameters))
        {
            await WriteAfterIntervalAsync(parameters, responseStream, context);
        }
    }

    private static async Task WriteAfterIntervalAsync(
        ResponseParameters parameters, IServerStreamWriter<StreamingOutputCallResponse> stream, ServerCallContext context)
    {
        if (parameters.IntervalUs > 0)
        {
            await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
        }

        if (parameters.Compressed is { } compressed)
        {
            context.ResponseCompression = compressed.Value ? "gzip" : null;
        }

        await stream.WriteAsync(new StreamingOutputCallResponse { Payload = PayloadOf(parameters.Size) }, context.CancellationToken);
    }

    private static async Task EchoMetadataAsync(ServerCallContext context, bool sendHeaders = false)
    {
        var initial = context.RequestHeaders.GetValue(EchoInitialKey);
        if (initial is not null || sendHeaders)
        {
            var headers = new Metadata();
            if (initial is not null)
            {
                headers.Add(EchoInitialKey, initial);
            }

            await context.WriteResponseHeadersAsync(headers);
        }

        if (context.RequestHeaders.GetValueBytes(EchoTrailingKey) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailingKey, trailing);
        }
    }

    /// <summary>The interop spec: a request sent with expect_compressed=true must have arrived compressed.</summary>
    private static void ThrowIfNotCompressedAsExpected(BoolValue? expectCompressed, ServerCallContext context)
    {
        if (expectCompressed?.Value == true && !context.RequestMessageCompressed)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Expected a compressed request message, got an uncompressed one.");
        }
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException((StatusCode)status.Code, status.Message);
        }
    }

    private static Payload PayloadOf(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
