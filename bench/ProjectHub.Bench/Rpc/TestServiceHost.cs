using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Security;

namespace ProjectHub.Bench.Rpc;

/// <summary>
/// `serve-test --port N`: our TestService on the services' own stack, hosted the way every service host is —
/// <see cref="ProjectHubDefaults.AddProjectHubDefaults"/> (Grpc.AspNetCore with the error interceptor, reflection,
/// health, bearer-token authentication, console logging; OpenTelemetry only when OTEL_* asks), an h2c listener from
/// <see cref="GrpcListenerExtensions.ListenGrpc"/>, and <see cref="ProjectHubDefaults.UseProjectHub"/>'s pipeline
/// (authentication, authorization, the request-message check, health, reflection). The one difference: the test
/// service is mapped with MapGrpcService, without the caller policy, so it needs no token — like the grpcio and
/// grpc-js peers, which have no auth. It speaks the peers' CLI contract (one `LISTENING port` line on stdout, exit
/// on stdin EOF), so the driver starts all three servers the same way.
/// </summary>
public static class TestServiceHost
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateBuilder();
        // Development mode only so the defaults need no issuer settings; nothing mapped here requires a token.
        builder.AddProjectHubDefaults(AuthMode.Development);
        builder.ListenGrpc(port);
        var app = builder.Build();
        app.UseProjectHub();
        app.MapGrpcService<BenchTestService>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Console.WriteLine($"LISTENING {new Uri(address).Port}");
        Console.Out.Flush();

        // The parent holds our stdin; its EOF (parent gone) stops us, like the peers.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }
}
