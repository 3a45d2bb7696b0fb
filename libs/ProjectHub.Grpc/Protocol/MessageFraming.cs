using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace ProjectHub.Grpc.Protocol;

/// <summary>
/// Length-prefixed messages: one byte compressed flag, four bytes big-endian length, then the protobuf bytes.
/// Shared by the server (Kestrel's pipes) and the client (pipes over the HTTP content stream).
/// </summary>
internal static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>
    /// Reads the next message, or returns null at a clean end of stream. Throws RESOURCE_EXHAUSTED for a message
    /// over <paramref name="maxSize"/>. A stream that ends inside a message, or bytes that are not the message, are
    /// the peer's fault: INVALID_ARGUMENT when a server reads a request (<paramref name="isRequest"/>), INTERNAL
    /// when a client reads a response, as the gRPC status code list asks. The result says whether the frame was
    /// compressed, which a server may need to check (the interop expect_compressed field).
    /// </summary>
    public static async ValueTask<FramedMessage?> ReadAsync(
        PipeReader reader, MessageParser parser, string? encoding, int maxSize, CancellationToken cancellationToken,
        bool isRequest = false)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryParseFrame(ref buffer, encoding, maxSize, parser, isRequest, out var message))
            {
                reader.AdvanceTo(buffer.Start);
                return message;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.Length == 0)
                {
                    return null;
                }

                throw isRequest
                    ? new RpcException(StatusCode.InvalidArgument, "The request ended inside a message.")
                    : new RpcException(StatusCode.Internal, "The stream ended in the middle of a message.");
            }

            if (result.IsCanceled)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            // Nothing consumed, everything examined: wake up when more bytes arrive.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryParseFrame(
        ref ReadOnlySequence<byte> buffer, string? encoding, int maxSize, MessageParser parser, bool isRequest, out FramedMessage? message)
    {
        message = null;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var compressed = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (compressed > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Unexpected compressed flag {compressed} in a message header.");
        }

        if (length > maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxSize}).");
        }

        if (buffer.Length < HeaderSize + length)
        {
            return false;
        }

        var payload = buffer.Slice(HeaderSize, length);
        if (compressed == 1)
        {
            if (string.IsNullOrEmpty(encoding) || encoding == MessageCompression.Identity)
            {
                throw new RpcException(StatusCode.Internal, "A compressed message arrived without a grpc-encoding.");
            }

            var inflated = new ReadOnlySequence<byte>(MessageCompression.Decompress(payload, maxSize));
            message = new FramedMessage(ParseOrThrow(parser, inflated, isRequest), true);
        }
        else
        {
            message = new FramedMessage(ParseOrThrow(parser, payload, isRequest), false);
        }

        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }

    private static IMessage ParseOrThrow(MessageParser parser, ReadOnlySequence<byte> payload, bool isRequest)
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw isRequest
                ? new RpcException(StatusCode.InvalidArgument, $"The request message could not be parsed: {ex.Message}")
                : new RpcException(StatusCode.Internal, $"Could not parse the message: {ex.Message}");
        }
    }

    /// <summary>Writes one message (optionally gzip-compressed) and flushes it to the peer.</summary>
    public static async ValueTask WriteAsync(
        PipeWriter writer, IMessage message, bool compress, int maxSize, CancellationToken cancellationToken)
    {
        var size = message.CalculateSize();
        if (size > maxSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Sending message larger than max ({size} vs. {maxSize}).");
        }

        // An empty message has nothing to gain from gzip; the per-message flag lets it go uncompressed.
        if (compress && size > 0)
        {
            var compressed = MessageCompression.Compress(message.ToByteArray());
            WriteHeader(writer, 1, compressed.Length);
            writer.Write(compressed);
        }
        else
        {
            WriteHeader(writer, 0, size);
            if (size > 0)
            {
                var span = writer.GetSpan(size)[..size];
                message.WriteTo(span);
                writer.Advance(size);
            }
        }

        var flush = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (flush.IsCanceled)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static void WriteHeader(PipeWriter writer, byte compressed, int length)
    {
        var header = writer.GetSpan(HeaderSize);
        header[0] = compressed;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        writer.Advance(HeaderSize);
    }
}

/// <summary>A message read from the stream, and whether its frame had the compressed flag set.</summary>
internal readonly record struct FramedMessage(IMessage Message, bool Compressed);
