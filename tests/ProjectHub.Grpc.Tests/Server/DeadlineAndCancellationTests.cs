using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class DeadlineAndCancellationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
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
    public async Task Server_deadline_cancels_the_handler_and_answers_deadline_exceeded()
    {
        // By hand, so only the server's timer can end the call (our client would also cancel on its own deadline).
        var response = await RawGrpc.CallAsync(_server, "/projecthub.testing.ProbeService/WaitForCancellation", new ProbeRequest(),
            ("grpc-timeout", "200m"));

        Assert.Equal("4", response.GrpcStatus);
        var deadline = await _server.Recorder().Cancelled.Task.WaitAsync(Patience);
        Assert.NotNull(deadline);
    }

    [Fact]
    public async Task Client_deadline_is_deadline_exceeded_and_cancels_the_handler()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ProbeClient(_channel)
            .WaitForCancellation(new ProbeRequest(), new CallOptions().WithDeadlineAfter(TimeSpan.FromMilliseconds(200))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var serverDeadline = await _server.Recorder().Cancelled.Task.WaitAsync(Patience);
        Assert.NotNull(serverDeadline);
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_handler()
    {
        using var cancellation = new CancellationTokenSource();
        using var call = new ProbeClient(_channel).WaitForCancellation(new ProbeRequest(), new CallOptions(CancellationToken: cancellation.Token));
        await _server.Recorder().Started.Task.WaitAsync(Patience);

        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        var deadline = await _server.Recorder().Cancelled.Task.WaitAsync(Patience);
        Assert.Null(deadline);
    }

    [Fact]
    public async Task Deadline_already_past_fails_without_calling()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new ProbeClient(_channel)
            .Echo(new ProbeRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(0, _server.Recorder().EchoCalls);
    }

    [Fact]
    public async Task DateTime_MaxValue_means_no_deadline()
    {
        var reply = await new ProbeClient(_channel).Echo(new ProbeRequest { ReplySize = 3 }, new CallOptions(Deadline: DateTime.MaxValue));
        Assert.Equal(3, reply.Body.Length);
    }

    [Fact]
    public async Task Deadline_beyond_what_a_timer_can_wait_still_calls()
    {
        var reply = await new ProbeClient(_channel).Echo(new ProbeRequest { ReplySize = 3 },
            new CallOptions().WithDeadlineAfter(TimeSpan.FromDays(365 * 100)));
        Assert.Equal(3, reply.Body.Length);
    }

    [Theory]
    [InlineData("99999999H")]
    [InlineData("99999999M")]
    [InlineData("60000000S")]
    public async Task Largest_legal_timeouts_are_accepted(string timeout)
    {
        var response = await RawGrpc.CallAsync(_server, "/grpc.testing.TestService/EmptyCall", new Empty(), ("grpc-timeout", timeout));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", response.GrpcStatus);
    }

    [Fact]
    public async Task Malformed_timeout_is_ignored()
    {
        var response = await RawGrpc.CallAsync(_server, "/grpc.testing.TestService/EmptyCall", new Empty(), ("grpc-timeout", "soon"));
        Assert.Equal("0", response.GrpcStatus);
    }
}
