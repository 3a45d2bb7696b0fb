using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProjectHub.Bench.Rpc;

/// <summary>
/// `serve-test --port N`: our TestService on Kestrel + ProjectHub.Grpc, speaking the peers' CLI contract
/// (one `LISTENING port` line on stdout, exit on stdin EOF) so the driver starts all three servers the same way.
/// </summary>
public static class TestServiceHost
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
            k.Listen(System.Net.IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpcServer();
        builder.Services.AddGrpcService<BenchTestService>();
        var app = builder.Build();
        app.UseGrpcServices();
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
