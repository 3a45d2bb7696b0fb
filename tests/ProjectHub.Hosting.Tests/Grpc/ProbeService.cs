using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ProjectHub.Domain;

namespace ProjectHub.Hosting.Tests.Grpc;

/// <summary>Fails as asked; records whether a waiting handler saw its cancellation.</summary>
public sealed class ProbeService(ProbeRecorder recorder) : Probe.ProbeBase
{
    public override Task<FailReply> Fail(FailRequest request, ServerCallContext context) => Throw(request.Kind, context);

    public override async Task FailStreaming(FailRequest request, IServerStreamWriter<FailReply> responseStream, ServerCallContext context)
    {
        await responseStream.WriteAsync(new FailReply());
        await Throw(request.Kind, context);
    }

    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new EchoReply { Payload = ByteString.CopyFrom(new byte[request.ReplySize]) });

    private async Task<FailReply> Throw(string kind, ServerCallContext context)
    {
        switch (kind)
        {
            case "huge-invalid":
                // A 1 MiB value in the message, and 5,000 violations of 6 KiB each (30 MB in all).
                var value = new string('字', 1024 * 1024 / 3 + 1);
                var description = $"\"{value[..2000]}\" is not a name.";
                throw DomainException.Invalid("名称无效：" + value,
                    Enumerable.Range(0, 5000).Select(i => new FieldViolation($"names[{i}]", description)));
            case "precondition":
                throw DomainException.Precondition("TOP_TIER_REACHED", "问题已在最高层级。", "problems/42");
            case "not-found":
                throw DomainException.NotFound("Problem 42 does not exist.");
            case "denied":
                throw DomainException.Denied("owner '城投集团' may not read problems of project p-9.");
            case "conflict":
                throw DomainException.Conflict("A concurrent change to the same case won; retry the request.");
            case "database-outage":
                throw new DbUpdateException("saving failed", new SocketException((int)SocketError.ConnectionRefused));
            case "concurrency":
                throw new DbUpdateConcurrencyException("row version changed");
            case "wait":
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    recorder.Cancelled();
                    throw;
                }

                return new FailReply();
            default:
                throw new InvalidOperationException("secret internal detail");
        }
    }
}

public sealed class ProbeRecorder
{
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WhenCancelled => _cancelled.Task;

    public void Cancelled() => _cancelled.TrySetResult();
}
