using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace ProjectHub.ClientDefaults;

/// <summary>Channels for programs without dependency injection (the CLI, the bench, tests): one per server, kept for the process's life.</summary>
public static class Channels
{
    /// <summary>A channel to <paramref name="address"/> with read retries for <paramref name="services"/>.</summary>
    public static GrpcChannel For(string address, params ServiceDescriptor[] services) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            ServiceConfig = CallDefaults.ReadRetries(services),
            // A large board or list is well under this; the default 4 MiB is the server's request limit, not ours.
            MaxReceiveMessageSize = 64 * 1024 * 1024,
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            },
        });

    /// <summary>The call invoker of <paramref name="channel"/> with deadlines and, when given, the caller's token.</summary>
    public static CallInvoker WithDefaults(this GrpcChannel channel, Func<string?>? token = null) =>
        channel.Intercept(new DefaultsInterceptor(token));
}
