using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace ProjectHub.Hosting.Grpc;

/// <summary>
/// A request whose bytes are not the method's message is bad input, and the caller should hear INVALID_ARGUMENT.
/// Grpc.AspNetCore parses requests before any interceptor runs and answers such a request UNKNOWN ("Exception was
/// thrown by handler."), which reads like a bug of ours. So for unary and server-streaming methods — one request
/// message each — this middleware reads the (size-limited) body first and checks its framing and its protobuf;
/// a broken one is answered INVALID_ARGUMENT (trailers-only) and never reaches the handler, a good one is handed on
/// unchanged. Compressed messages and those over the size limit are left to Grpc.AspNetCore, which answers them
/// as the specification says. See docs/decisions/0006.
/// </summary>
public sealed class RequestMessageCheck(RequestDelegate next, GrpcServerSettings settings)
{
    private static readonly ConcurrentDictionary<string, MessageParser?> Parsers = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc
            || grpc.Method.Type is not (MethodType.Unary or MethodType.ServerStreaming)
            || ParserOf(grpc) is not { } parser)
        {
            await next(context);
            return;
        }

        var body = await ReadBodyAsync(context.Request.BodyReader, settings.MaxReceiveMessageSize + 5 + 1, context.RequestAborted);
        var problem = Check(body, parser, settings.MaxReceiveMessageSize);
        if (problem is not null)
        {
            GrpcStatusResponse.Write(context.Response, StatusCode.InvalidArgument, problem);
            return;
        }

        context.Request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    /// <summary>Null when the body is one well-formed message (or is for Grpc.AspNetCore to judge); else why not.</summary>
    private static string? Check(byte[] body, MessageParser parser, int maxMessageSize)
    {
        if (body.Length < 5)
        {
            return body.Length == 0 ? null : "The request ended inside a message.";
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (body[0] != 0 || length > maxMessageSize)
        {
            return null; // compressed, or over the limit: Grpc.AspNetCore's own answers are the right ones
        }

        if (body.Length - 5 < length)
        {
            return "The request ended inside a message.";
        }

        try
        {
            parser.ParseFrom(body, 5, (int)length);
            return null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            return $"The request message could not be parsed: {ex.Message}";
        }
    }

    private static async Task<byte[]> ReadBodyAsync(PipeReader reader, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCompleted || result.Buffer.Length >= limit)
            {
                var bytes = result.Buffer.Slice(0, Math.Min(result.Buffer.Length, limit)).ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>
    /// The request parser of a method, from the descriptor that Grpc.Tools generates beside the service base class
    /// (a static <c>Descriptor</c> on the class that nests <c>…Base</c>); null when there is none.
    /// </summary>
    private static MessageParser? ParserOf(GrpcMethodMetadata grpc) =>
        Parsers.GetOrAdd(grpc.Method.FullName, _ =>
        {
            for (var type = grpc.ServiceType; type is not null; type = type.BaseType)
            {
                if (type.DeclaringType?.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                    is Google.Protobuf.Reflection.ServiceDescriptor service)
                {
                    return service.FindMethodByName(grpc.Method.Name)?.InputType.Parser;
                }
            }

            return null;
        });
}

/// <summary>Writes a trailers-only gRPC response: the status in the response headers, no body.</summary>
public static class GrpcStatusResponse
{
    public static void Write(HttpResponse response, StatusCode code, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(StatusLimits.Truncate(message, StatusLimits.MaxMessageBytes));
    }

    /// <summary>The gRPC spec's encoding of grpc-message: UTF-8, bytes outside 0x20–0x7E and '%' as %XX.</summary>
    public static string PercentEncode(string message)
    {
        var builder = new System.Text.StringBuilder(message.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return builder.ToString();
    }
}
