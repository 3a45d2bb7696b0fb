using Google.Protobuf;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

public sealed class MessageSizeTests
{
    [Fact]
    public async Task Response_over_the_clients_limit_is_resource_exhausted_and_the_channel_goes_on()
    {
        await using var server = await ProbeServer.StartAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });
        var client = new ProbeClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.Echo(new ProbeRequest { ReplySize = 5000 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(1, server.Recorder().EchoCalls);
        Assert.Equal(900, (await client.Echo(new ProbeRequest { ReplySize = 900 })).Body.Length);
    }

    [Fact]
    public async Task Compressed_response_over_the_clients_limit_once_inflated_is_resource_exhausted()
    {
        await using var server = await ProbeServer.StartAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new ProbeClient(channel).Echo(new ProbeRequest { ReplySize = 5000, CompressReply = true }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Request_over_the_clients_send_limit_never_leaves()
    {
        await using var server = await ProbeServer.StartAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxSendMessageSize = 100 });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new ProbeClient(channel).Echo(new ProbeRequest { Name = new string('x', 200) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, server.Recorder().EchoCalls);
    }

    [Fact]
    public async Task Request_over_the_servers_limit_is_resource_exhausted_before_the_handler()
    {
        await using var server = await ProbeServer.StartAsync(configureGrpc: options => options.MaxReceiveMessageSize = 100);
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new ProbeClient(channel).Echo(new ProbeRequest { Name = new string('x', 200) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, server.Recorder().EchoCalls);
    }

    [Fact]
    public async Task Response_over_the_servers_send_limit_is_resource_exhausted()
    {
        await using var server = await ProbeServer.StartAsync(configureGrpc: options => options.MaxSendMessageSize = 100);
        using var channel = server.CreateChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new ProbeClient(channel).Echo(new ProbeRequest { ReplySize = 200 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Limit_is_inclusive()
    {
        var exact = new ProbeReply { Body = ByteString.CopyFrom(new byte[997]) };
        Assert.Equal(1000, exact.CalculateSize());
        await using var server = await ProbeServer.StartAsync();
        using var channel = server.CreateChannel(new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });

        var reply = await new ProbeClient(channel).Echo(new ProbeRequest { ReplySize = 997 });

        Assert.Equal(997, reply.Body.Length);
    }
}
