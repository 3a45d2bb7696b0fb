using Google.Protobuf;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace ProjectHub.Grpc.Reflection;

/// <summary>grpc.reflection.v1.ServerReflection, for the services served on the port the caller reached.</summary>
[GrpcService(typeof(V1.ReflectionReflection), "grpc.reflection.v1.ServerReflection")]
internal sealed class ReflectionV1Service(ReflectionResolver resolver)
{
    public async Task ServerReflectionInfo(
        IAsyncStreamReader<V1.ServerReflectionRequest> requestStream,
        IServerStreamWriter<V1.ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        var port = context.HttpContext.Connection.LocalPort;
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(resolver.Answer(requestStream.Current, port), context.CancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The older grpc.reflection.v1alpha, still what many tools ask first. Its messages are byte-for-byte those of v1,
/// so requests and answers are converted through their wire form.
/// </summary>
[GrpcService(typeof(V1Alpha.ReflectionReflection), "grpc.reflection.v1alpha.ServerReflection")]
internal sealed class ReflectionV1AlphaService(ReflectionResolver resolver)
{
    public async Task ServerReflectionInfo(
        IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream,
        IServerStreamWriter<V1Alpha.ServerReflectionResponse> responseStream,
        ServerCallContext context)
    {
        var port = context.HttpContext.Connection.LocalPort;
        while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = resolver.Answer(request, port);
            await responseStream.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()),
                context.CancellationToken).ConfigureAwait(false);
        }
    }
}
