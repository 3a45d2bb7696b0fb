using System.Diagnostics;
using Google.Protobuf;

namespace ProjectHub.Grpc.Tests.Server;

/// <summary>What ProbeService's handlers saw; one per server (a DI singleton).</summary>
public sealed class ProbeRecorder
{
    private int _echoCalls;

    /// <summary>Set when WaitForCancellation starts waiting.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when WaitForCancellation's token was cancelled, with whether the call had a deadline.</summary>
    public TaskCompletionSource<DateTime?> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Activity.Current inside Trace.</summary>
    public Activity? TraceActivity { get; set; }

    public int EchoCalls => Volatile.Read(ref _echoCalls);

    public void CountEcho() => Interlocked.Increment(ref _echoCalls);
}

[GrpcService(typeof(ProbeReflection), "projecthub.testing.ProbeService")]
public sealed class ProbeService(ProbeRecorder recorder)
{
    public async Task<ProbeReply> WaitForCancellation(ProbeRequest request, ServerCallContext context)
    {
        recorder.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            recorder.Cancelled.TrySetResult(context.Deadline);
            throw;
        }

        throw new InvalidOperationException("An infinite wait ended without cancellation.");
    }

    public Task<ProbeReply> Validate(ProbeRequest request, ServerCallContext context) =>
        throw RpcException.InvalidArgument("请求无效：2 个字段有误 (100%)",
        [
            ("name", "名称不能为空"),
            ("email", "邮箱格式不正确：缺少 “@”"),
        ]);

    public Task<ProbeReply> Trace(ProbeRequest request, ServerCallContext context)
    {
        recorder.TraceActivity = Activity.Current;
        return Task.FromResult(new ProbeReply { TraceId = Activity.Current?.TraceId.ToHexString() ?? "" });
    }

    public Task<ProbeReply> Echo(ProbeRequest request, ServerCallContext context)
    {
        recorder.CountEcho();
        if (request.CompressReply)
        {
            context.ResponseCompression = "gzip";
        }

        return Task.FromResult(new ProbeReply { Body = ByteString.CopyFrom(new byte[request.ReplySize]) });
    }

    public async Task<ProbeReply> CompressAfterHeaders(ProbeRequest request, ServerCallContext context)
    {
        await context.WriteResponseHeadersAsync(new Metadata());
        context.ResponseCompression = "gzip";
        return new ProbeReply { Body = ByteString.CopyFrom(new byte[request.ReplySize]) };
    }
}

/// <summary>A typed client for ProbeService, the way application code writes one.</summary>
public sealed class ProbeClient(GrpcChannel channel)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = ProbeReflection.Descriptor.Services[0];

    public static readonly Method<ProbeRequest, ProbeReply> WaitForCancellationMethod = Unary("WaitForCancellation");
    public static readonly Method<ProbeRequest, ProbeReply> ValidateMethod = Unary("Validate");
    public static readonly Method<ProbeRequest, ProbeReply> TraceMethod = Unary("Trace");
    public static readonly Method<ProbeRequest, ProbeReply> EchoMethod = Unary("Echo");
    public static readonly Method<ProbeRequest, ProbeReply> CompressAfterHeadersMethod = Unary("CompressAfterHeaders");

    public AsyncUnaryCall<ProbeReply> WaitForCancellation(ProbeRequest request, CallOptions options = default) =>
        channel.UnaryCall(WaitForCancellationMethod, request, options);

    public AsyncUnaryCall<ProbeReply> Validate(ProbeRequest request, CallOptions options = default) =>
        channel.UnaryCall(ValidateMethod, request, options);

    public AsyncUnaryCall<ProbeReply> Trace(ProbeRequest request, CallOptions options = default) =>
        channel.UnaryCall(TraceMethod, request, options);

    public AsyncUnaryCall<ProbeReply> Echo(ProbeRequest request, CallOptions options = default) =>
        channel.UnaryCall(EchoMethod, request, options);

    private static Method<ProbeRequest, ProbeReply> Unary(string name) => Method<ProbeRequest, ProbeReply>.Create(Service, name, MethodType.Unary);
}
