using System.Collections.Concurrent;
using System.Linq.Expressions;
using Google.Protobuf;

namespace ProjectHub.Grpc.Server;

internal sealed class RequestStreamReader<T>(HttpServerCall call, MessageParser parser) : IAsyncStreamReader<T>
    where T : class, IMessage
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        _current = (T?)await call.ReadMessageAsync(parser, cancellationToken).ConfigureAwait(false);
        return _current is not null;
    }
}

internal sealed class ResponseStreamWriter<T>(HttpServerCall call) : IServerStreamWriter<T>
    where T : class, IMessage
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default) =>
        call.WriteMessageAsync(message, cancellationToken);
}

/// <summary>Creates the typed stream objects of a method; constructors are compiled once per message type.</summary>
internal static class StreamFactory
{
    private static readonly ConcurrentDictionary<Type, Func<HttpServerCall, MessageParser, object>> Readers = new();
    private static readonly ConcurrentDictionary<Type, Func<HttpServerCall, object>> Writers = new();

    public static object Reader(ServerMethod method, HttpServerCall call) =>
        Readers.GetOrAdd(method.Descriptor.InputType.ClrType, static type =>
        {
            var callParameter = Expression.Parameter(typeof(HttpServerCall));
            var parserParameter = Expression.Parameter(typeof(MessageParser));
            var constructor = typeof(RequestStreamReader<>).MakeGenericType(type).GetConstructors()[0];
            return Expression.Lambda<Func<HttpServerCall, MessageParser, object>>(
                Expression.New(constructor, callParameter, parserParameter), callParameter, parserParameter).Compile();
        })(call, method.Descriptor.InputType.Parser);

    public static object Writer(ServerMethod method, HttpServerCall call) =>
        Writers.GetOrAdd(method.Descriptor.OutputType.ClrType, static type =>
        {
            var callParameter = Expression.Parameter(typeof(HttpServerCall));
            var constructor = typeof(ResponseStreamWriter<>).MakeGenericType(type).GetConstructors()[0];
            return Expression.Lambda<Func<HttpServerCall, object>>(Expression.New(constructor, callParameter), callParameter).Compile();
        })(call);
}
