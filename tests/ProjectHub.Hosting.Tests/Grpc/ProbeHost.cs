using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Testing;

namespace ProjectHub.Hosting.Tests.Grpc;

/// <summary>The hosting defaults (Grpc.AspNetCore, the error interceptor, reflection, health) with the probe service.</summary>
public sealed class ProbeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions { MaxReceiveMessageSize = null });
        Client = new Probe.ProbeClient(Channel);
    }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public Probe.ProbeClient Client { get; }

    public ProbeRecorder Recorder => _app.Services.GetRequiredService<ProbeRecorder>();

    public static async Task<ProbeHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Mode"] = "Development" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddProjectHubDefaults();
        builder.ListenGrpc(port);
        builder.Services.AddSingleton<ProbeRecorder>();
        var app = builder.Build();
        app.UseProjectHub();
        app.MapGrpcService<ProbeService>();
        await app.StartAsync();
        return new ProbeHost(app, port);
    }

    /// <summary>
    /// A gRPC request as raw HTTP/2 (h2c), for what gRPC clients hide or refuse to send: broken frames, the
    /// compressed flag, response headers. Returns the response headers, the body and the trailers.
    /// </summary>
    public async Task<RawResponse> RawCallAsync(string path, byte[] body, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{Port}{path}")
        {
            Content = new ByteArrayContent(body),
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.Version == System.Net.HttpVersion.Version20 && (int)response.StatusCode == 200,
            $"{response.Version} {response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var h) ? h.Single()
            : response.TrailingHeaders.TryGetValues(name, out var t) ? t.Single() : null;
        return new RawResponse(Header("grpc-status"), Header("grpc-message"), Header("grpc-encoding"), bytes);
    }

    /// <summary>A length-prefixed message frame: flag, 4-byte big-endian length, then <paramref name="payload"/>.</summary>
    public static byte[] Frame(uint declaredLength, byte[] payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RawResponse(string? GrpcStatus, string? GrpcMessage, string? GrpcEncoding, byte[] Body);
