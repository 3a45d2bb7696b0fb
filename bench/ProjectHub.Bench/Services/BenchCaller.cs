using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Net.Client;
using ProjectHub.ClientDefaults;
using ProjectHub.Security;

namespace ProjectHub.Bench.Services;

/// <summary>
/// How the driver calls a service: a channel from <see cref="Channels.For"/> and the generated client over
/// <see cref="Channels.WithDefaults"/>, as every ProjectHub client calls — the standard read retries, a deadline on
/// every unary call (the default 30 s unless the call sets its own), and the token of an admin caller (issue #7), so
/// the per-role scopes never change what a figure measures. Hosts run with Auth:Mode=Development.
/// </summary>
public static class BenchCaller
{
    public static readonly Caller Admin = new("bench", Roles.Admin, Name: "benchmark driver");

    /// <summary>A channel to a service on loopback, with the read retries of <paramref name="services"/>.</summary>
    public static GrpcChannel Channel(int port, params ServiceDescriptor[] services) =>
        Channels.For($"http://127.0.0.1:{port}", services);

    /// <summary>
    /// The channel's invoker with the client defaults and an admin development token (minted once: 12 h lifetime,
    /// longer than any run).
    /// </summary>
    public static CallInvoker AsAdmin(this GrpcChannel channel)
    {
        var token = DevelopmentTokens.Mint(Admin, DateTimeOffset.UtcNow);
        return channel.WithDefaults(() => token);
    }
}
