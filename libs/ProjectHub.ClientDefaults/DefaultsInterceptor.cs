using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ProjectHub.ClientDefaults;

/// <summary>
/// Gives every unary call a deadline when the caller set none (<see cref="CallDefaults.UnaryDeadline"/>), and the
/// authorization header from <paramref name="token"/> when the call carries none. Streams keep no deadline: they
/// live as long as the caller reads them, and end when the caller cancels.
/// </summary>
public sealed class DefaultsInterceptor(Func<string?>? token = null, TimeSpan? unaryDeadline = null) : Interceptor
{
    private readonly TimeSpan _deadline = unaryDeadline ?? CallDefaults.UnaryDeadline;

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context, unary: true));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context, unary: true));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, With(context, unary: false));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(With(context, unary: false));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(With(context, unary: false));

    private ClientInterceptorContext<TRequest, TResponse> With<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, bool unary)
        where TRequest : class
        where TResponse : class
    {
        var options = context.Options;
        if (unary && options.Deadline is null)
        {
            options = options.WithDeadline(DateTime.UtcNow + _deadline);
        }

        if (token?.Invoke() is { Length: > 0 } bearer && options.Headers?.Get("authorization") is null)
        {
            var headers = new Metadata();
            foreach (var entry in options.Headers ?? [])
            {
                headers.Add(entry);
            }

            headers.Add("authorization", "Bearer " + bearer);
            options = options.WithHeaders(headers);
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }
}
