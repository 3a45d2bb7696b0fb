using System.Text;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Grpc;

/// <summary>
/// What a caller sees when a handler throws: the hosting library's one error interceptor turns domain refusals into
/// statuses with google.rpc details (Grpc.StatusProto), caps what they carry, and reports a database outage as
/// UNAVAILABLE; Grpc.AspNetCore itself answers deadlines, size limits and unknown methods.
/// </summary>
public sealed class ErrorStatusTests : IAsyncLifetime
{
    private ProbeHost _host = null!;

    public async Task InitializeAsync() => _host = await ProbeHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<RpcException> FailAsync(string kind) =>
        Assert.ThrowsAsync<RpcException>(async () => await _host.Client.FailAsync(new FailRequest { Kind = kind }, deadline: DateTime.UtcNow.AddSeconds(30)));

    [Fact]
    public async Task A_huge_refusal_arrives_capped_with_its_status()
    {
        var error = await FailAsync("huge-invalid");

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("名称无效：", error.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("…", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(error.Status.Detail) <= StatusLimits.MaxMessageBytes);
        var violations = error.FieldViolations();
        Assert.Equal(StatusLimits.MaxFieldViolations, violations.Count);
        Assert.Equal("names[0]", violations[0].Field);
        Assert.True(Encoding.UTF8.GetByteCount(violations[0].Description) <= StatusLimits.MaxDescriptionBytes);
        Assert.Equal("and 4,951 more field violations not shown.", violations[^1].Description);
        // On the wire, message and details fit in a few kibibytes of headers (clients accept 64 KiB).
        Assert.InRange(error.Trailers.GetValueBytes("grpc-status-details-bin")!.Length, 1, 40 * 1024);
    }

    [Fact]
    public async Task A_failed_precondition_carries_its_reason_and_subject()
    {
        var error = await FailAsync("precondition");

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("问题已在最高层级。", error.Status.Detail);
        var info = error.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal(("TOP_TIER_REACHED", ErrorStatus.Domain), (info.Reason, info.Domain));
        var failure = Assert.Single(error.PreconditionViolations());
        Assert.Equal(("TOP_TIER_REACHED", "problems/42", "问题已在最高层级。"), (failure.Type, failure.Subject, failure.Description));
    }

    [Theory]
    [InlineData("not-found", StatusCode.NotFound, "Problem 42 does not exist.")]
    [InlineData("denied", StatusCode.PermissionDenied, "owner '城投集团' may not read problems of project p-9.")]
    [InlineData("conflict", StatusCode.Aborted, "A concurrent change to the same case won; retry the request.")]
    [InlineData("concurrency", StatusCode.Aborted, "A concurrent change to the same record won; nothing of this request was saved. Retry it.")]
    [InlineData("database-outage", StatusCode.Unavailable, ErrorStatus.DatabaseUnavailable)]
    [InlineData("unexpected", StatusCode.Unknown, "Exception was thrown by handler.")]
    public async Task Each_failure_has_its_status_and_a_readable_message(string kind, StatusCode code, string message)
    {
        var error = await FailAsync(kind);

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
        Assert.DoesNotContain("secret internal detail", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_in_a_stream_after_the_first_message_ends_the_stream_with_its_status()
    {
        using var call = _host.Client.FailStreaming(new FailRequest { Kind = "precondition" }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("TOP_TIER_REACHED", error.Reason());
    }

    [Fact]
    public async Task A_passed_deadline_cancels_the_handler_and_answers_deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _host.Client.FailAsync(new FailRequest { Kind = "wait" }, deadline: DateTime.UtcNow.AddMilliseconds(300)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await _host.Recorder.WhenCancelled.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_request_over_the_default_4_MiB_is_resource_exhausted_and_one_at_the_limit_is_served()
    {
        var limit = GrpcServerSettings.DefaultMaxMessageSize;
        // The encoded message is the payload plus its field tag and length (1 + 4 bytes here).
        var fits = new EchoRequest { Payload = ByteString.CopyFrom(new byte[limit - 5]) };
        Assert.Equal(limit, fits.CalculateSize());
        await _host.Client.EchoAsync(fits, deadline: DateTime.UtcNow.AddSeconds(30));

        var over = new EchoRequest { Payload = ByteString.CopyFrom(new byte[limit - 4]) };
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _host.Client.EchoAsync(over, deadline: DateTime.UtcNow.AddSeconds(30)));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented()
    {
        var invoker = _host.Channel.CreateCallInvoker();
        var method = new Method<FailRequest, FailReply>(MethodType.Unary, "projecthub.testing.Probe", "Missing",
            Marshallers.Create(r => r.ToByteArray(), FailRequest.Parser.ParseFrom), Marshallers.Create(r => r.ToByteArray(), FailReply.Parser.ParseFrom));
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), new FailRequest()));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
