using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf.Reflection;
using Grpc.Core;
using ProjectHub.Testing;

namespace ProjectHub.BadInput.Tests.Fuzzing;

/// <summary>
/// Sends hand-made gRPC frames over HTTP/2 (h2c), below Grpc.Net.Client, which only ever sends well-formed
/// messages: a frame that ends early, bytes that are not protobuf, a frame over the server's size limit.
/// </summary>
public static class RawFrames
{
    private static readonly string[] StatusHeaders = ["grpc-message", "grpc-status-details-bin"];

    // Measured in KiB: 64 MiB, so any answer is read however large its trailers (Grpc.Net.Client's SocketsHttpHandler stops at 64 KiB).
    private static readonly int AnyHeaderSizeInKibibytes = 64 * 1024;

    private static readonly HttpMessageInvoker Http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(10), UseCookies = false, AutomaticDecompression = DecompressionMethods.None,
        MaxResponseHeadersLength = AnyHeaderSizeInKibibytes,
    });

    /// <summary>A 5-byte header saying <paramref name="declaredLength"/> followed by <paramref name="payload"/>.</summary>
    public static byte[] Frame(uint declaredLength, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), declaredLength);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Posts <paramref name="body"/> to the method as an admin and returns grpc-status and grpc-message.</summary>
    public static async Task<(StatusCode Status, string Message, long TrailerBytes)> SendAsync(int port, MethodDescriptor method, byte[] body, TimeSpan timeout)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/{method.Service.FullName}/{method.Name}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-timeout", $"{(int)timeout.TotalMilliseconds}m");
        request.Headers.TryAddWithoutValidation("authorization", "Bearer " + TestTokens.Mint(TestTokens.Admin));

        using var cancel = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(5));
        using var response = await Http.SendAsync(request, cancel.Token);
        await response.Content.ReadAsByteArrayAsync(cancel.Token);
        var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status")
            ?? throw new InvalidOperationException($"{method.FullName}: HTTP {(int)response.StatusCode} without grpc-status.");
        var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message") ?? "";
        var trailerBytes = StatusHeaders
            .Sum(name => (long)((Header(response.TrailingHeaders, name) ?? Header(response.Headers, name))?.Length ?? 0));
        return ((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(message), trailerBytes);
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
