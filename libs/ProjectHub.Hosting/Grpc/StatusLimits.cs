using System.Globalization;
using System.Text;
using Google.Rpc;

namespace ProjectHub.Hosting.Grpc;

/// <summary>
/// Caps what an error status carries before it goes into grpc-message and grpc-status-details-bin. Clients accept
/// only so many bytes of headers (64 KiB for SocketsHttpHandler): a status that echoes a 1 MiB value, or lists
/// thousands of field violations, would turn a clear refusal into UNAVAILABLE on the client.
/// </summary>
public static class StatusLimits
{
    /// <summary>UTF-8 bytes of grpc-message (and of the rich status's message).</summary>
    public const int MaxMessageBytes = 1024;

    /// <summary>
    /// Field violations per status, counting the one that summarises the rest ("and N more …"), so capping a
    /// capped status changes nothing.
    /// </summary>
    public const int MaxFieldViolations = 50;

    public const int MaxFieldBytes = 256;

    public const int MaxDescriptionBytes = 512;

    /// <summary>Encoded rich status past which its details are dropped (the message and code still go).</summary>
    public const int MaxDetailsBytes = 32 * 1024;

    private const string Ellipsis = "…";

    /// <summary>The rich status with its message, BadRequest violations and overall size within the caps.</summary>
    public static Google.Rpc.Status Cap(Google.Rpc.Status rich)
    {
        var message = Truncate(rich.Message, MaxMessageBytes);
        var needsCapping = !ReferenceEquals(message, rich.Message)
            || rich.Details.Any(d => d.Is(BadRequest.Descriptor) && NeedsCapping(d.Unpack<BadRequest>()));
        if (!needsCapping && rich.CalculateSize() <= MaxDetailsBytes)
        {
            return rich;
        }

        var capped = new Google.Rpc.Status { Code = rich.Code, Message = message };
        foreach (var detail in rich.Details)
        {
            capped.Details.Add(detail.Is(BadRequest.Descriptor) ? Google.Protobuf.WellKnownTypes.Any.Pack(Cap(detail.Unpack<BadRequest>())) : detail);
        }

        if (capped.CalculateSize() > MaxDetailsBytes)
        {
            // Some other detail is still too large to be sent; a status without details beats one no client can read.
            capped.Details.Clear();
        }

        return capped;
    }

    private static bool NeedsCapping(BadRequest badRequest) =>
        badRequest.FieldViolations.Count > MaxFieldViolations
        || badRequest.FieldViolations.Any(v =>
            Encoding.UTF8.GetByteCount(v.Field) > MaxFieldBytes || Encoding.UTF8.GetByteCount(v.Description) > MaxDescriptionBytes);

    private static BadRequest Cap(BadRequest badRequest)
    {
        var capped = new BadRequest();
        var kept = badRequest.FieldViolations.Count > MaxFieldViolations ? MaxFieldViolations - 1 : MaxFieldViolations;
        foreach (var violation in badRequest.FieldViolations.Take(kept))
        {
            var copy = violation.Clone();
            copy.Field = Truncate(violation.Field, MaxFieldBytes);
            copy.Description = Truncate(violation.Description, MaxDescriptionBytes);
            capped.FieldViolations.Add(copy);
        }

        var more = badRequest.FieldViolations.Count - kept;
        if (more > 0)
        {
            capped.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = "",
                Description = string.Create(CultureInfo.InvariantCulture, $"and {more:N0} more field violations not shown."),
            });
        }

        return capped;
    }

    /// <summary>
    /// The text itself if it fits in <paramref name="maxBytes"/> of UTF-8; otherwise its longest prefix of whole
    /// characters that fits together with "…".
    /// </summary>
    public static string Truncate(string text, int maxBytes)
    {
        if (text.Length <= maxBytes / 3 || Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var budget = maxBytes - Encoding.UTF8.GetByteCount(Ellipsis);
        var used = 0;
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget)
            {
                break;
            }

            used += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return string.Concat(text.AsSpan(0, end), Ellipsis);
    }
}
