using System.Diagnostics;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProjectHub.Grpc.Protocol;

namespace ProjectHub.Grpc.Server;

/// <summary>
/// Middleware that serves every request whose content type is application/grpc: finds the bound method for the
/// path and port, runs the call filters and the service method, and ends the call with a status. Other requests
/// pass through to the rest of the pipeline.
/// </summary>
internal sealed class GrpcDispatcher(
    RequestDelegate next,
    ServiceCatalog catalog,
    IOptions<GrpcServerOptions> options,
    TimeProvider time,
    ILogger<GrpcDispatcher> logger)
{
    public Task InvokeAsync(HttpContext httpContext)
    {
        if (!GrpcHeaders.IsGrpcContentType(httpContext.Request.ContentType))
        {
            return next(httpContext);
        }

        return HandleAsync(httpContext);
    }

    private async Task HandleAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            httpContext.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (request.Protocol != "HTTP/2")
        {
            // gRPC needs HTTP/2 trailers; tell an HTTP/1.1 caller plainly rather than half-answering.
            httpContext.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            httpContext.Response.Headers.Upgrade = "h2c";
            await httpContext.Response.WriteAsync("gRPC requires HTTP/2.").ConfigureAwait(false);
            return;
        }

        var path = request.Path.Value ?? "";
        var started = Stopwatch.GetTimestamp();
        var parent = Activity.Current?.Context
            ?? (ActivityContext.TryParse(request.Headers[GrpcHeaders.TraceParent], request.Headers[GrpcHeaders.TraceState], out var remote)
                ? remote
                : default);
        using var activity = GrpcDiagnostics.ActivitySource.StartActivity(path.TrimStart('/'), ActivityKind.Server, parent);
        GrpcDiagnostics.SetRpcTags(activity, path);

        var call = new HttpServerCall(httpContext, path, options.Value, time, logger);
        await using (call.ConfigureAwait(false))
        {
            var status = await RunAsync(call, path, httpContext).ConfigureAwait(false);
            status.Status = StatusLimits.Cap(status.Status); // also keeps a huge echoed value out of the trace
            activity?.SetTag("rpc.grpc.status_code", (int)status.Status.StatusCode);
            if (status.Status.StatusCode != StatusCode.OK)
            {
                activity?.SetStatus(ActivityStatusCode.Error, status.Status.Detail);
            }

            await call.FinishAsync(status.Status, status.Trailers).ConfigureAwait(false);
            GrpcDiagnostics.Record(GrpcDiagnostics.ServerDuration, path, status.Status.StatusCode, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<(Status Status, Metadata? Trailers)> RunAsync(HttpServerCall call, string path, HttpContext httpContext)
    {
        var method = catalog.Find(path, httpContext.Connection.LocalPort);
        if (method is null)
        {
            var (service, _) = GrpcDiagnostics.SplitPath(path);
            var detail = catalog.IsServiceKnown(service, httpContext.Connection.LocalPort)
                ? $"Method {path} is unimplemented."
                : $"Service {service} is unimplemented.";
            return (new Status(StatusCode.Unimplemented, detail), null);
        }

        if (call.RequestHeadersError is { } malformed)
        {
            return (malformed, null);
        }

        if (!MessageCompression.IsSupported(call.RequestEncoding))
        {
            return (new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{call.RequestEncoding}'."), null);
        }

        try
        {
            foreach (var filter in httpContext.RequestServices.GetServices<IGrpcCallFilter>())
            {
                await filter.OnCallAsync(call).ConfigureAwait(false);
            }

            var service = httpContext.RequestServices.GetRequiredService(method.ServiceType);
            await InvokeAsync(method, service, call).ConfigureAwait(false);
            return (call.Status, null);
        }
        catch (RpcException ex)
        {
            LogFailure(path, ex.StatusCode, ex);
            return (ex.Status, ex.Trailers);
        }
        catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
        {
            return call.DeadlineExceeded
                ? (new Status(StatusCode.DeadlineExceeded, "Deadline exceeded"), null)
                : (new Status(StatusCode.Cancelled, "Call cancelled by the client."), null);
        }
        catch (Exception ex)
        {
            foreach (var mapper in httpContext.RequestServices.GetServices<IGrpcExceptionMapper>())
            {
                if (mapper.TryMap(ex) is { } mapped)
                {
                    logger.LogWarning(ex, "gRPC {Method} ended with {Status}: {Detail}", path, mapped.StatusCode, mapped.Detail);
                    return (mapped, null);
                }
            }

            logger.LogError(ex, "Unhandled exception in gRPC method {Method}", path);
            var detail = options.Value.EnableDetailedErrors
                ? $"Exception was thrown by handler. {ex.GetType().Name}: {ex.Message}"
                : "Exception was thrown by handler.";
            return (new Status(StatusCode.Unknown, detail), null);
        }
    }

    private static async Task InvokeAsync(ServerMethod method, object service, HttpServerCall call)
    {
        var parser = method.Descriptor.InputType.Parser;
        switch (method.Type)
        {
            case MethodType.Unary:
            {
                var request = await ReadSingleRequestAsync(call, parser).ConfigureAwait(false);
                var response = await method.Invoker(service, request, null, call).ConfigureAwait(false)
                    ?? throw new RpcException(StatusCode.Internal, "The service returned no response message.");
                await call.WriteMessageAsync(response, CancellationToken.None).ConfigureAwait(false);
                break;
            }

            case MethodType.ServerStreaming:
            {
                var request = await ReadSingleRequestAsync(call, parser).ConfigureAwait(false);
                await method.Invoker(service, request, StreamFactory.Writer(method, call), call).ConfigureAwait(false);
                break;
            }

            case MethodType.ClientStreaming:
            {
                var response = await method.Invoker(service, StreamFactory.Reader(method, call), null, call).ConfigureAwait(false)
                    ?? throw new RpcException(StatusCode.Internal, "The service returned no response message.");
                await call.WriteMessageAsync(response, CancellationToken.None).ConfigureAwait(false);
                break;
            }

            default:
                await method.Invoker(service, StreamFactory.Reader(method, call), StreamFactory.Writer(method, call), call).ConfigureAwait(false);
                break;
        }
    }

    private static async Task<IMessage> ReadSingleRequestAsync(HttpServerCall call, MessageParser parser)
    {
        var request = await call.ReadMessageAsync(parser, CancellationToken.None).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "The request ended without a message.");
        if (await call.ReadMessageAsync(parser, CancellationToken.None).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, "More than one request message for a method that takes one.");
        }

        return request;
    }

    private void LogFailure(string path, StatusCode code, RpcException ex)
    {
        // Client mistakes are routine; only server-side failures deserve a warning.
        var level = code is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss ? LogLevel.Warning : LogLevel.Debug;
        logger.Log(level, "gRPC {Method} ended with {Status}: {Detail}", path, code, StatusLimits.Truncate(ex.Status.Detail, StatusLimits.MaxMessageBytes));
    }
}
