using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Security;

/// <summary>A host with the defaults (so the real JwtBearer authentication) and one WhoAmI service, on a free port.</summary>
public sealed class AuthHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AuthHost(WebApplication app, int port)
    {
        _app = app;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        WhoAmI = new WhoAmI.WhoAmIClient(Channel);
        Health = new global::Grpc.Health.V1.Health.HealthClient(Channel);
    }

    public GrpcChannel Channel { get; }

    public WhoAmI.WhoAmIClient WhoAmI { get; }

    public global::Grpc.Health.V1.Health.HealthClient Health { get; }

    /// <summary>Builds (and starts) a host; building throws when the Auth settings are refused.</summary>
    public static async Task<AuthHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, string environment = "Production", TimeProvider? clock = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddProjectHubDefaults();
        builder.ListenGrpc(port);
        var app = builder.Build();
        app.UseProjectHub();
        app.MapProjectHubService<WhoAmIService>();
        await app.StartAsync();
        return new AuthHost(app, port);
    }

    public static Dictionary<string, string?> Development() => new() { ["Auth:Mode"] = "Development" };

    public async Task<WhoAmIReply> WhoAmIAsync(string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add("authorization", authorization);
        }

        return await WhoAmI.GetAsync(new WhoAmIRequest(), new CallOptions(headers, DateTime.UtcNow.AddSeconds(30)));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static string Port(int value) => value.ToString(CultureInfo.InvariantCulture);
}
