using System.Net;
using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Client;

/// <summary>
/// A request body that stays open while the caller writes messages: HttpClient hands us the HTTP/2 stream and we
/// keep it until the request stream is completed or the call ends.
/// </summary>
internal sealed class PushStreamContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PushStreamContent() => Headers.TryAddWithoutValidation("Content-Type", GrpcHeaders.ContentType);

    public Task<Stream> StreamAsync => _stream.Task;

    /// <summary>Ends the request body (END_STREAM).</summary>
    public void Complete() => _completed.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
