using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Client;

/// <summary>
/// One client call over HTTP/2: sends the request (one message, or a stream the caller writes), reads the
/// response messages and ends with exactly one status, from the server's trailers or from what went wrong locally
/// (deadline, cancellation, connection loss, a message over the size limit).
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : ICallState
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _cancellation;
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _readLock = new(1, 1);
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly Lock _statusGate = new();
    private Activity? _activity;
    private PushStreamContent? _pushContent;
    private Task<HttpResponseMessage>? _send;
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private string? _responseEncoding;
    private Status? _status;
    private Metadata? _trailers;
    private bool _deadlineReached;
    private Task<Metadata>? _headersRequested;
    private CancellationTokenSource? _deadlineTimer;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        ResponseStream = new ResponseReader(this);
        RequestStream = new RequestWriter(this);
        // Callers that never ask for the headers must not leave a faulted task unobserved.
        _headers.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>Asking for the headers starts receiving the response, as a caller may ask before reading.</summary>
    public Task<Metadata> ResponseHeadersAsync => _headersRequested ??= ReceiveHeadersAsync();

    private async Task<Metadata> ReceiveHeadersAsync()
    {
        await _readLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await EnsureResponseAsync().ConfigureAwait(false);
        }
        finally
        {
            _readLock.Release();
        }

        return await _headers.Task.ConfigureAwait(false);
    }

    public void StartWithSingleRequest(TRequest request)
    {
        byte[] framed;
        try
        {
            framed = Frame(request);
        }
        catch (RpcException ex)
        {
            Finish(ex.Status, new Metadata());
            _send = Task.FromException<HttpResponseMessage>(ex);
            return;
        }

        var content = new ByteArrayContent(framed);
        content.Headers.TryAddWithoutValidation("Content-Type", GrpcHeaders.ContentType);
        Start(content);
    }

    public void StartWithRequestStream()
    {
        _pushContent = new PushStreamContent();
        Start(_pushContent);
    }

    private void Start(HttpContent content)
    {
        // The client span is current only for the send (which captures it); the caller's own context comes back at
        // once, or every later call from that caller would nest inside this one's trace.
        var callerActivity = Activity.Current;
        _activity = GrpcDiagnostics.ActivitySource.StartActivity(_method.FullName.TrimStart('/'), ActivityKind.Client);
        GrpcDiagnostics.SetRpcTags(_activity, _method.FullName);
        _send = SendAsync(content);
        Activity.Current = callerActivity;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        headers.TryAddWithoutValidation("user-agent", GrpcHeaders.UserAgent);
        headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, MessageCompression.AcceptedEncodings);
        if (_channel.Options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.Encoding, MessageCompression.Gzip);
        }

        var traceSource = _activity ?? Activity.Current;
        if (traceSource?.IdFormat == ActivityIdFormat.W3C)
        {
            headers.TryAddWithoutValidation(GrpcHeaders.TraceParent, traceSource.Id);
            if (!string.IsNullOrEmpty(traceSource.TraceStateString))
            {
                headers.TryAddWithoutValidation(GrpcHeaders.TraceState, traceSource.TraceStateString);
            }
        }

        var metadata = new Metadata();
        foreach (var entry in _options.Headers ?? [])
        {
            metadata.AddEntry(entry);
        }

        if (_channel.Options.CallHeaders is { } addHeaders)
        {
            await addHeaders(metadata, _cancellation.Token).ConfigureAwait(false);
        }

        foreach (var entry in metadata)
        {
            headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }

        // DateTime.MaxValue is the usual way to say "no deadline"; so is anything a timer cannot wait for (~49 days),
        // which the server would not arm either.
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline.ToUniversalTime() - _channel.Options.TimeProvider.GetUtcNow().UtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                _deadlineReached = true;
                throw new OperationCanceledException("The deadline had passed before the call started.");
            }

            if (remaining <= GrpcTimeout.MaxTimer)
            {
                headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(remaining));
                _deadlineTimer = new CancellationTokenSource(remaining, _channel.Options.TimeProvider);
                _deadlineTimer.Token.Register(() =>
                {
                    _deadlineReached = true;
                    _cancellation.Cancel();
                });
            }
        }

        return await _channel.Invoker.SendAsync(request, _cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Awaits response headers; after it returns either <see cref="_reader"/> is set or the status is.</summary>
    private async Task EnsureResponseAsync()
    {
        if (_reader is not null || _status is not null)
        {
            return;
        }

        try
        {
            _response = await _send!.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ex);
            return;
        }

        var response = _response;
        Metadata headerMetadata;
        try
        {
            headerMetadata = MetadataOf(response.Headers);
        }
        catch (RpcException ex)
        {
            // Malformed binary metadata from the server: the call ends with that protocol error.
            Fail(ex);
            return;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            var status = new Status(StatusFromHttp(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
            Finish(status, headerMetadata);
            return;
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcHeaders.IsGrpcContentType(contentType))
        {
            var status = new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
            Finish(status, headerMetadata);
            return;
        }

        _headers.TrySetResult(headerMetadata);
        if (response.Headers.Contains(GrpcHeaders.Status))
        {
            // Trailers-only response: the status came in the headers and there is no body.
            Finish(ReadStatus(response.Headers), headerMetadata);
            return;
        }

        _responseEncoding = response.Headers.TryGetValues(GrpcHeaders.Encoding, out var encodings) ? encodings.FirstOrDefault() : null;
        var stream = await response.Content.ReadAsStreamAsync(_cancellation.Token).ConfigureAwait(false);
        _reader = PipeReader.Create(stream);
    }

    /// <summary>The next response message, or null at the end (having thrown if the status was not OK).</summary>
    public async Task<TResponse?> ReadNextAsync(CancellationToken cancellationToken)
    {
        await _readLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureResponseAsync().ConfigureAwait(false);
            if (_status is null && _reader is not null)
            {
                try
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation.Token);
                    var framed = await MessageFraming.ReadAsync(_reader, _method.ResponseParser, _responseEncoding,
                        _channel.Options.MaxReceiveMessageSize, linked.Token).ConfigureAwait(false);
                    if (framed is { } message)
                    {
                        return (TResponse)message.Message;
                    }

                    Finish(ReadStatus(_response!.TrailingHeaders), MetadataOf(_response.TrailingHeaders));
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested || _cancellation.IsCancellationRequested)
                {
                    throw Fail(ex);
                }
            }

            var status = _status!.Value;
            if (status.StatusCode != StatusCode.OK)
            {
                throw new RpcException(status, _trailers);
            }

            return null;
        }
        finally
        {
            _readLock.Release();
        }
    }

    public async Task<TResponse> GetResponseAsync()
    {
        var message = await ReadNextAsync(CancellationToken.None).ConfigureAwait(false);
        if (message is null)
        {
            throw Fail(new RpcException(StatusCode.Internal, "Failed to deserialize response message: the server sent none."));
        }

        if (await ReadNextAsync(CancellationToken.None).ConfigureAwait(false) is not null)
        {
            throw Fail(new RpcException(StatusCode.Internal, "The server sent more than one response message."));
        }

        return message;
    }

    private async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        if (_status is { } status)
        {
            throw status.StatusCode == StatusCode.OK
                ? new InvalidOperationException("The call has ended; no more messages can be written.")
                : new RpcException(status, _trailers);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation.Token);
        try
        {
            var stream = await _pushContent!.StreamAsync.WaitAsync(linked.Token).ConfigureAwait(false);
            var framed = Frame(message);
            await stream.WriteAsync(framed, linked.Token).ConfigureAwait(false);
            await stream.FlushAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Fail(ex);
        }
    }

    private byte[] Frame(TRequest message)
    {
        var size = message.CalculateSize();
        if (size > _channel.Options.MaxSendMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Sending message larger than max ({size} vs. {_channel.Options.MaxSendMessageSize}).");
        }

        var payload = message.ToByteArray();
        // An empty message has nothing to gain from gzip; the per-message flag lets it go uncompressed.
        var compress = _channel.Options.CompressRequests && payload.Length > 0;
        if (compress)
        {
            payload = MessageCompression.Compress(payload);
        }

        var framed = new byte[MessageFraming.HeaderSize + payload.Length];
        framed[0] = compress ? (byte)1 : (byte)0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(framed.AsSpan(MessageFraming.HeaderSize));
        return framed;
    }

    /// <summary>Turns a local failure into the call's status (if it has none yet) and the exception to throw.</summary>
    private RpcException Fail(Exception ex)
    {
        var status = ex switch
        {
            RpcException rpc => rpc.Status,
            _ when _deadlineReached => new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"),
            OperationCanceledException when _cancellation.IsCancellationRequested => new Status(StatusCode.Cancelled, "Call canceled by the client."),
            HttpProtocolException protocol => new Status(StatusFromReset(protocol.ErrorCode), $"The HTTP/2 stream was reset (error code {protocol.ErrorCode})."),
            HttpRequestException request => new Status(StatusCode.Unavailable, $"Error starting gRPC call: {request.Message}"),
            IOException io => new Status(StatusCode.Unavailable, $"The connection failed: {io.Message}"),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled."),
            _ => new Status(StatusCode.Internal, $"Error in the gRPC call: {ex.GetType().Name}: {ex.Message}"),
        };
        Finish(status, new Metadata());
        // A locally-ended call must not leave its HTTP/2 stream open.
        _cancellation.Cancel();
        var final = _status!.Value;
        return new RpcException(final, _trailers);
    }

    private void Finish(Status status, Metadata trailers)
    {
        lock (_statusGate)
        {
            if (_status is not null)
            {
                return;
            }

            _status = status;
            _trailers = trailers;
        }

        if (status.StatusCode == StatusCode.OK)
        {
            _headers.TrySetResult(new Metadata());
        }
        else
        {
            _headers.TrySetException(new RpcException(status, trailers));
        }

        _deadlineTimer?.Dispose();
        _pushContent?.Complete();
        _activity?.SetTag("rpc.grpc.status_code", (int)status.StatusCode);
        if (status.StatusCode != StatusCode.OK)
        {
            _activity?.SetStatus(ActivityStatusCode.Error, status.Detail);
        }

        _activity?.Dispose();
        GrpcDiagnostics.Record(GrpcDiagnostics.ClientDuration, _method.FullName, status.StatusCode, Stopwatch.GetElapsedTime(_startedAt));
    }

    private static Status ReadStatus(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcHeaders.Status, out var codes)
            || !int.TryParse(codes.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Internal, "No grpc-status found on response.");
        }

        var message = headers.TryGetValues(GrpcHeaders.Message, out var messages) ? StatusMessageEncoding.Decode(messages.FirstOrDefault()) : "";
        var details = headers.TryGetValues(GrpcHeaders.StatusDetails, out var detailValues)
            ? MetadataHeaders.ParseStatusDetails(detailValues.FirstOrDefault())
            : null;
        return new Status((StatusCode)code, message, details);
    }

    private static Metadata MetadataOf(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                MetadataHeaders.AddFromHeader(metadata, name, value);
            }
        }

        return metadata;
    }

    /// <summary>The mapping of HTTP status codes to gRPC codes from the protocol's documentation.</summary>
    private static StatusCode StatusFromHttp(HttpStatusCode code) => (int)code switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    private static StatusCode StatusFromReset(long http2ErrorCode) => http2ErrorCode switch
    {
        0x7 => StatusCode.Unavailable, // REFUSED_STREAM
        0x8 => StatusCode.Cancelled, // CANCEL
        0xb => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
        0xc => StatusCode.PermissionDenied, // INADEQUATE_SECURITY
        _ => StatusCode.Internal,
    };

    public Status GetStatus() => _status ?? throw new InvalidOperationException("The call has not finished yet.");

    public Metadata GetTrailers() => _trailers ?? throw new InvalidOperationException("The call has not finished yet.");

    public void Dispose()
    {
        if (_status is null)
        {
            Finish(new Status(StatusCode.Cancelled, "Call disposed before it finished."), new Metadata());
            _cancellation.Cancel();
        }

        _response?.Dispose();
    }

    private sealed class ResponseReader(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    {
        private TResponse? _current;

        public TResponse Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

        public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
        {
            _current = await call.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            return _current is not null;
        }
    }

    private sealed class RequestWriter(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
    {
        private bool _completed;

        public Task WriteAsync(TRequest message, CancellationToken cancellationToken = default)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The request stream was completed; no more messages can be written.");
            }

            return call.WriteAsync(message, cancellationToken);
        }

        public Task CompleteAsync()
        {
            _completed = true;
            call._pushContent?.Complete();
            return Task.CompletedTask;
        }
    }
}
