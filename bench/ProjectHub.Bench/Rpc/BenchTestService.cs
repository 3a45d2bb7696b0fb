using ProjectHub.Bench.Interop;

namespace ProjectHub.Bench.Rpc;

/// <summary>
/// grpc.testing.TestService for figure 1, derived from the base class Grpc.Tools generates, as every ProjectHub
/// service is. The unary methods do the work the Python and Node peers do for the requests the benchmark sends (no
/// metadata echo is asked for, so none is done). The streaming methods exist too, in their plainest interop form,
/// so the service is the same one the peers serve; the benchmark never calls them.
/// </summary>
public sealed class BenchTestService : TestService.TestServiceBase
{
    public override Task<Empty> EmptyCall(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context) =>
        Task.FromResult(new SimpleResponse { Payload = PayloadOf(request.ResponseSize) });

    public override async Task StreamingOutputCall(
        StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = PayloadOf(parameters.Size) }, context.CancellationToken);
        }
    }

    public override async Task<StreamingInputCallResponse> StreamingInputCall(
        IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
    {
        var total = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            total += request.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    public override async Task FullDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            foreach (var parameters in request.ResponseParameters)
            {
                await responseStream.WriteAsync(new StreamingOutputCallResponse { Payload = PayloadOf(parameters.Size) }, context.CancellationToken);
            }
        }
    }

    public override Task HalfDuplexCall(
        IAsyncStreamReader<StreamingOutputCallRequest> requestStream,
        IServerStreamWriter<StreamingOutputCallResponse> responseStream,
        ServerCallContext context) => FullDuplexCall(requestStream, responseStream, context);

    private static Payload PayloadOf(int size) => new() { Body = Google.Protobuf.ByteString.CopyFrom(new byte[size]) };
}
