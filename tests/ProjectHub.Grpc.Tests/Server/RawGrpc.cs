using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Grpc.Tests.Interop;

namespace ProjectHub.Grpc.Tests.Server;

/// <summary>A response as it came off the wire: HTTP status, headers, trailers and the raw framed body.</summary>
public sealed record RawResponse(HttpStatusCode StatusCode, Dictionary<string, string> Headers, Dictionary<string, string> Trailers, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public string? GrpcStatus => Trailers.GetValueOrDefault("grpc-status") ?? Headers.GetValueOrDefault("grpc-status");

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// gRPC requests built by hand with HttpClient, for what our own client hides: exact headers sent, the compressed
/// flag of a response frame, trailers-only answers, malformed input.
/// </summary>
public static class RawGrpc
{
    public static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static Task<RawResponse> CallAsync(TestGrpcServer server, string path, IMessage request, params (string Name, string Value)[] headers) =>
        SendAsync(server.Address + path, HttpVersion.Version20, HttpMethod.Post, "application/grpc", Frame(request), headers);

    public static async Task<RawResponse> SendAsync(
        string url, Version version, HttpMethod method, string? contentType, byte[] body, params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(method, url)
        {
            Version = version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (method != HttpMethod.Get)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var responseBody = await response.Content.ReadAsByteArrayAsync();
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var trailers = response.TrailingHeaders.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        return new RawResponse(response.StatusCode, all, trailers, responseBody);
    }
}

/// <summary>Starts TestGrpcServer with ProbeService (and its recorder) added.</summary>
public static class ProbeServer
{
    public static Task<TestGrpcServer> StartAsync(
        Action<IServiceCollection>? configureServices = null, Action<GrpcServerOptions>? configureGrpc = null) =>
        TestGrpcServer.StartAsync(services =>
        {
            services.AddSingleton<ProbeRecorder>();
            services.AddGrpcService<ProbeService>();
            configureServices?.Invoke(services);
        }, configureGrpc);

    public static ProbeRecorder Recorder(this TestGrpcServer server) => server.Services.GetRequiredService<ProbeRecorder>();
}
