using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ProjectHub.Grpc;

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
/// Calls any RPC given only its descriptor, with the project's own client (typed <see cref="Method{TRequest,TResponse}"/>
/// made from the descriptor). Server-streaming calls read until the first message or the deadline: a subscription
/// that simply stays open counts as accepted.
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
        var method = Method<TRequest, TResponse>.Create(descriptor.Service, descriptor.Name, MethodType.Unary);
        try
        {
            using var call = channel.UnaryCall(method, (TRequest)request, options);
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
        var method = Method<TRequest, TResponse>.Create(descriptor.Service, descriptor.Name, MethodType.ServerStreaming);
        try
        {
            using var call = channel.ServerStreamingCall(method, (TRequest)request, options);
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

    private static RpcOutcome Failed(RpcException ex) =>
        new(ex.StatusCode, ex.Status.Detail, ex.FieldViolations.Select(v => v.Field).ToList(), null);
}
