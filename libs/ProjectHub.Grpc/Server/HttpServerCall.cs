using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Server;

/// <summary>
/// One call on the server: reads framed requests from Kestrel, writes framed responses, and sends the status
/// exactly once — whoever gets there first of the handler, the deadline or an error. All writes are serialised so a
/// deadline firing mid-write cannot interleave frames, and nothing touches the HttpContext after the call finished.
/// </summary>
internal sealed class HttpServerCall : ServerCallContext, IAsyncDisposable
{
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _callCancellation;
    private readonly CancellationTokenSource? _deadlineTimer;
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private Task? _deadlineTask;
    private readonly bool _clientAcceptsGzip;
    private string? _responseCompression;
    private bool _gzipAnnounced;
    private bool _headersSent;
    private bool _statusSent;
    private bool _finished;
    private volatile bool _deadlineExceeded;
    private volatile bool _lastRequestCompressed;

    public HttpServerCall(HttpContext httpContext, string method, GrpcServerOptions options, TimeProvider time, ILogger logger)
    {
        HttpContext = httpContext;
        Method = method;
        _options = options;
        _logger = logger;
        try
        {
            RequestHeaders = ReadRequestHeaders(httpContext.Request.Headers);
        }
        catch (RpcException ex)
        {
            // Kept for the dispatcher, which ends the call with it (INTERNAL) instead of failing the HTTP request.
            RequestHeaders = new Metadata();
            RequestHeadersError = ex.Status;
        }

        RequestEncoding = httpContext.Request.Headers[GrpcHeaders.Encoding].ToString();
        var accepted = httpContext.Request.Headers[GrpcHeaders.AcceptEncoding].ToString();
        _clientAcceptsGzip = accepted.Split(',', StringSplitOptions.TrimEntries).Contains(MessageCompression.Gzip);
        _responseCompression = options.ResponseCompression == MessageCompression.Gzip ? MessageCompression.Gzip : null;

        _callCancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        // A timeout past what a timer can wait (a legal "99999999H" is 11,000 years) is no deadline in practice;
        // arming it would throw, and now + timeout would overflow DateTime.
        if (GrpcTimeout.TryParse(httpContext.Request.Headers[GrpcHeaders.Timeout].ToString(), out var timeout)
            && timeout <= GrpcTimeout.MaxTimer)
        {
            Deadline = time.GetUtcNow().UtcDateTime + timeout;
            _deadlineTimer = new CancellationTokenSource(timeout, time);
            _deadlineRegistration = _deadlineTimer.Token.Register(() => _deadlineTask = OnDeadlineAsync());
        }

        // Streams can be idle for long; Kestrel's body size and data-rate limits are for HTTP uploads, not gRPC.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        if (httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rateFeature)
        {
            rateFeature.MinDataRate = null;
        }
    }

    public override string Method { get; }

    public override string Peer => HttpContext.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{HttpContext.Connection.RemotePort}",
        var ip => $"ipv4:{ip}:{HttpContext.Connection.RemotePort}",
    };

    public override DateTime? Deadline { get; }

    public override Metadata RequestHeaders { get; }

    public override Metadata ResponseTrailers { get; } = new();

    public override CancellationToken CancellationToken => _callCancellation.Token;

    public override Status Status { get; set; } = Status.DefaultSuccess;

    public override HttpContext HttpContext { get; }

    public string RequestEncoding { get; }

    /// <summary>Why the request headers could not be read as metadata (malformed binary value), if they could not.</summary>
    public Status? RequestHeadersError { get; }

    public bool DeadlineExceeded => _deadlineExceeded;

    public override string? ResponseCompression
    {
        get => _responseCompression;
        set => _responseCompression = value switch
        {
            null or MessageCompression.Identity => null,
            MessageCompression.Gzip => MessageCompression.Gzip,
            _ => throw new ArgumentException($"Unsupported response compression '{value}'; use \"gzip\" or null.", nameof(value)),
        };
    }

    public override bool RequestMessageCompressed => _lastRequestCompressed;

    public async Task<IMessage?> ReadMessageAsync(MessageParser parser, CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CancellationToken)
            : null;
        var framed = await MessageFraming.ReadAsync(HttpContext.Request.BodyReader, parser, RequestEncoding,
            _options.MaxReceiveMessageSize, linked?.Token ?? CancellationToken, isRequest: true).ConfigureAwait(false);
        if (framed is not { } message)
        {
            return null;
        }

        _lastRequestCompressed = message.Compressed;
        return message.Message;
    }

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        await _writeLock.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            if (_headersSent || _statusSent)
            {
                throw new InvalidOperationException("Response headers were already sent.");
            }

            foreach (var entry in responseHeaders)
            {
                HttpContext.Response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }

            await SendHeadersAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task WriteMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, CancellationToken)
            : null;
        var token = linked?.Token ?? CancellationToken;
        await _writeLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            if (_statusSent)
            {
                throw new InvalidOperationException("The call has already ended; no more messages can be written.");
            }

            if (!_headersSent)
            {
                await SendHeadersAsync().ConfigureAwait(false);
            }

            // Compressed only if grpc-encoding: gzip went out with the headers and the handler still wants it.
            var compress = _gzipAnnounced && _responseCompression == MessageCompression.Gzip;
            await MessageFraming.WriteAsync(HttpContext.Response.BodyWriter, message, compress,
                _options.MaxSendMessageSize, token).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends the final status (once) and marks the call finished; later writes are refused.</summary>
    public async Task FinishAsync(Status status, Metadata? extraTrailers)
    {
        await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _finished = true;
            await SendStatusLockedAsync(status, extraTrailers).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task OnDeadlineAsync()
    {
        _deadlineExceeded = true;
        await _callCancellation.CancelAsync().ConfigureAwait(false);
        await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (!_finished)
            {
                await SendStatusLockedAsync(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded"), null).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task SendHeadersAsync()
    {
        PrepareResponseHeaders();
        _headersSent = true;
        await HttpContext.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
    }

    private void PrepareResponseHeaders()
    {
        var response = HttpContext.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.ContentType = GrpcHeaders.ContentType;
        response.Headers[GrpcHeaders.AcceptEncoding] = MessageCompression.AcceptedEncodings;
        if (_clientAcceptsGzip && _responseCompression == MessageCompression.Gzip)
        {
            response.Headers[GrpcHeaders.Encoding] = MessageCompression.Gzip;
            _gzipAnnounced = true;
        }
    }

    private async Task SendStatusLockedAsync(Status status, Metadata? extraTrailers)
    {
        if (_statusSent)
        {
            return;
        }

        _statusSent = true;
        if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The peer is gone (cancelled or disconnected): there is no one to send a status to.
            return;
        }

        var response = HttpContext.Response;
        var trailersOnly = !response.HasStarted;
        PrepareResponseHeaders();
        status = StatusLimits.Cap(status);
        var fields = new List<KeyValuePair<string, string>>
        {
            new(GrpcHeaders.Status, ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(status.Detail))
        {
            fields.Add(new(GrpcHeaders.Message, StatusMessageEncoding.Encode(status.Detail)));
        }

        if (status.RichStatus is not null)
        {
            fields.Add(new(GrpcHeaders.StatusDetails, MetadataHeaders.FormatStatusDetails(status.RichStatus)));
        }

        foreach (var entry in ResponseTrailers.Concat(extraTrailers ?? []))
        {
            fields.Add(new(entry.Key, MetadataHeaders.ToHeaderValue(entry)));
        }

        try
        {
            foreach (var (name, value) in fields)
            {
                // Trailers-only responses carry the status in the headers frame, as the protocol asks.
                if (trailersOnly)
                {
                    response.Headers.Append(name, value);
                }
                else
                {
                    response.AppendTrailer(name, value);
                }
            }

            await response.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug(ex, "Could not send status {Status} for {Method}: the connection closed", status.StatusCode, Method);
        }
    }

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (value is not null)
                {
                    MetadataHeaders.AddFromHeader(metadata, name, value);
                }
            }
        }

        return metadata;
    }

    public async ValueTask DisposeAsync()
    {
        // Wait for a deadline that fired concurrently, so it never outlives the call's HttpContext.
        await _deadlineRegistration.DisposeAsync().ConfigureAwait(false);
        if (_deadlineTask is not null)
        {
            await _deadlineTask.ConfigureAwait(false);
        }

        _deadlineTimer?.Dispose();
        _callCancellation.Dispose();
        _writeLock.Dispose();
    }
}
