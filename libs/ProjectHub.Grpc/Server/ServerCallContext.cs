using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ProjectHub.Grpc;

/// <summary>What a service method knows about the call it is serving.</summary>
public abstract class ServerCallContext
{
    /// <summary>"/package.Service/Method".</summary>
    public abstract string Method { get; }

    /// <summary>The caller's address, e.g. "ipv4:127.0.0.1:53712".</summary>
    public abstract string Peer { get; }

    /// <summary>When the caller stops waiting (UTC), or null without a deadline.</summary>
    public abstract DateTime? Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Trailers sent with the status when the call ends.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>Cancelled when the caller cancels, the connection drops or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>The status to end a successful call with (for a non-OK status, throw an <see cref="RpcException"/>).</summary>
    public abstract Status Status { get; set; }

    public abstract HttpContext HttpContext { get; }

    public ClaimsPrincipal User => HttpContext.User;

    /// <summary>Sends response headers now (at most once, before the first message).</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    /// <summary>
    /// Compression of the response messages written from now on: "gzip", or null (or "identity") for none. Starts
    /// as <see cref="GrpcServerOptions.ResponseCompression"/>. It is honoured only when the client's
    /// grpc-accept-encoding lists gzip, and only if it was "gzip" when the response headers went out: they carry
    /// grpc-encoding, which HTTP/2 cannot change later. Set it back to null to send the next messages uncompressed
    /// (the per-message flag allows that mid-call).
    /// </summary>
    public abstract string? ResponseCompression { get; set; }

    /// <summary>Whether the last request message read arrived compressed (its frame's compressed flag).</summary>
    public abstract bool RequestMessageCompressed { get; }
}
