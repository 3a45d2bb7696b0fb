using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProjectHub.Grpc.Tests.Interop;

/// <summary>A real Kestrel server on a free loopback port (HTTP/2 cleartext) serving the interop TestService.</summary>
public sealed class TestGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestGrpcServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public IServiceProvider Services => _app.Services;

    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null) => GrpcChannel.ForAddress(Address, options);

    /// <param name="configureServices">Extra services (more gRPC services, filters, recorders).</param>
    /// <param name="configureGrpc">Server options.</param>
    /// <param name="protocols">What the listener speaks; gRPC needs HTTP/2 (cleartext, prior knowledge).</param>
    /// <param name="configureApp">Middleware after UseGrpcServices, for requests the gRPC layer passes on.</param>
    public static async Task<TestGrpcServer> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<GrpcServerOptions>? configureGrpc = null,
        HttpProtocols protocols = HttpProtocols.Http2,
        Action<WebApplication>? configureApp = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        builder.Services.AddGrpcServer(configureGrpc);
        builder.Services.AddGrpcService<TestServiceImpl>();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseGrpcServices();
        configureApp?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestGrpcServer(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
