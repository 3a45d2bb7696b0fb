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
}
