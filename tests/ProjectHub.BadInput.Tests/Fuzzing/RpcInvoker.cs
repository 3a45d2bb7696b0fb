using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using ProjectHub.Testing;

namespace ProjectHub.BadInput.Tests.Fuzzing;

/// <summary>What a call ended with: a status, the BadRequest field violations, and the response when it was OK.</summary>
public sealed record RpcOutcome(StatusCode Status, string Detail, IReadOnlyList<string> ViolatedFields, IMessage? Response)
{
    public override string ToString() => ViolatedFields.Count == 0
        ? $"{Status} \"{Shorten(Detail)}\""
        : $"{Status} \"{Shorten(Detail)}\" [{string.Join(", ", ViolatedFields)}]";

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";
}

/// <summary>
/// Calls any RPC given only its descriptor, with the standard client (Grpc.Net.Client; a typed
/// <see cref="Method{TRequest,TResponse}"/> made from the descriptor, as the generated clients make theirs).
/// Server-streaming calls read until the first message or the deadline: a subscription that simply stays open counts
/// as accepted.
/// </summary>
public static class RpcInvoker
{
    private static readonly MethodInfo UnaryMethod = typeof(RpcInvoker).GetMethod(nameof(UnaryAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo StreamMethod = typeof(RpcInvoker).GetMethod(nameof(ServerStreamAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Task<RpcOutcome> CallAsync(GrpcChannel channel, MethodDescriptor method, IMessage request, CallOptions options)
    {
        var generic = (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => UnaryMethod,
            (false, true) => StreamMethod,
            _ => throw new NotSupportedException($"{method.FullName}: client-streaming RPCs need a fuzzing strategy of their own."),
        };
        return (Task<RpcOutcome>)generic.MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType)
            .Invoke(null, [channel, method, request, options])!;
    }

    private static async Task<RpcOutcome> UnaryAsync<TRequest, TResponse>(
        GrpcChannel channel, MethodDescriptor descriptor, IMessage request, CallOptions options)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = MethodOf<TRequest, TResponse>(descriptor, MethodType.Unary);
        try
        {
            using var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null, options, (TRequest)request);
            var response = await call.ResponseAsync;
            return new RpcOutcome(StatusCode.OK, "", [], response);
        }
        catch (RpcException ex)
        {
            return Failed(ex);
        }
    }

    private static async Task<RpcOutcome> ServerStreamAsync<TRequest, TResponse>(
        GrpcChannel channel, MethodDescriptor descriptor, IMessage request, CallOptions options)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = MethodOf<TRequest, TResponse>(descriptor, MethodType.ServerStreaming);
        try
        {
            using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(method, null, options, (TRequest)request);
            var first = await call.ResponseStream.MoveNext(options.CancellationToken) ? call.ResponseStream.Current : null;
            return new RpcOutcome(StatusCode.OK, "", [], first);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.DeadlineExceeded)
        {
            return new RpcOutcome(StatusCode.OK, "(stream stayed open until the deadline)", [], null);
        }
        catch (RpcException ex)
        {
            return Failed(ex);
        }
    }

    private static Method<TRequest, TResponse> MethodOf<TRequest, TResponse>(MethodDescriptor descriptor, MethodType type)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(type, descriptor.Service.FullName, descriptor.Name, MarshallerOf<TRequest>(), MarshallerOf<TResponse>());

    private static Marshaller<T> MarshallerOf<T>()
        where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }

    /// <summary>The status, its detail and the fields of its google.rpc.BadRequest (grpc-status-details-bin).</summary>
    private static RpcOutcome Failed(RpcException ex) =>
        new(ex.StatusCode, ex.Status.Detail, ex.FieldViolations().Select(v => v.Field).ToList(), null);
}
