using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace ProjectHub.Hosting.Grpc;

/// <summary>
/// Every service's handlers run inside this interceptor: what they throw becomes a status in one place
/// (<see cref="ErrorStatus"/>), so use cases throw <see cref="ProjectHub.Domain.DomainException"/> and never build
/// wire statuses themselves. Cancellation (client gone, deadline passed) is left to Grpc.AspNetCore, which answers
/// CANCELLED or DEADLINE_EXCEEDED.
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method}: the database is unavailable")]
    private static partial void DatabaseUnavailable(ILogger logger, Exception exception, string method);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } status)
        {
            throw status;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context) is { } status)
        {
            throw status;
        }
    }

    private RpcException? Map(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var status = ErrorStatus.TryMap(exception);
        if (status?.StatusCode == StatusCode.Unavailable && exception is not RpcException)
        {
            DatabaseUnavailable(logger, exception, context.Method);
        }

        return status;
    }
}
