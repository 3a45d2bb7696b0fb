using System.Globalization;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Security;

/// <summary>A host with the defaults (so the real bearer-token filter) and one WhoAmI service, on a free port.</summary>
public sealed class AuthHost : IAsyncDisposable
{
    public static readonly Method<WhoAmIRequest, WhoAmIReply> Get =
        Method<WhoAmIRequest, WhoAmIReply>.Create(WhoamiReflection.Descriptor.Services[0], "Get", MethodType.Unary);

    public static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method<HealthCheckRequest, HealthCheckResponse>.Create(HealthReflection.Descriptor.Services[0], "Check", MethodType.Unary);

    private readonly WebApplication _app;

    private AuthHost(WebApplication app, int port)
    {
        _app = app;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
    }

    public GrpcChannel Channel { get; }

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
        builder.Services.AddGrpcService<WhoAmIService>(port);
        var app = builder.Build();
        app.UseProjectHub();
        await app.StartAsync();
        return new AuthHost(app, port);
    }

    public static Dictionary<string, string?> Development() => new() { ["Auth:Mode"] = "Development" };

    public Task<WhoAmIReply> WhoAmIAsync(string? authorization)
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add("authorization", authorization);
        }

        return Channel.UnaryCall(Get, new WhoAmIRequest(), new CallOptions(headers)).ResponseAsync;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static string Port(int value) => value.ToString(CultureInfo.InvariantCulture);
}
