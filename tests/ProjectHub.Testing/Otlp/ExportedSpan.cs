using Google.Protobuf;

namespace ProjectHub.Testing.Otlp;

/// <summary>
/// One span of an OTLP ExportTraceServiceRequest, with the service.name of its resource, its start and end (Unix
/// nanoseconds) and its string attributes. Decoded by field number with the protobuf wire reader (the OTLP message
/// classes are not a package here); unknown fields are skipped.
/// </summary>
public sealed record ExportedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, SpanKind Kind)
{
    public ulong StartUnixNano { get; init; }

    public ulong EndUnixNano { get; init; }

    public double DurationMs => (EndUnixNano - StartUnixNano) / 1e6;

    /// <summary>The attributes with a string value (db.query.text, grpc.method, …).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    public static IEnumerable<ExportedSpan> Decode(byte[] exportTraceServiceRequest)
    {
        var spans = new List<ExportedSpan>();
        // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
        foreach (var resourceSpans in Fields(exportTraceServiceRequest).Where(f => f.Number == 1))
        {
            // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
            var fields = Fields(resourceSpans.Bytes).ToList();
            var service = fields.Where(f => f.Number == 1).Select(f => ServiceName(f.Bytes)).FirstOrDefault(n => n is not null) ?? "";
            foreach (var scopeSpans in fields.Where(f => f.Number == 2))
            {
                // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }; InstrumentationScope { string name = 1; }
                var scopeFields = Fields(scopeSpans.Bytes).ToList();
                var scope = scopeFields.Where(f => f.Number == 1).Select(f => Text(Fields(f.Bytes), 1)).FirstOrDefault() ?? "";
                foreach (var span in scopeFields.Where(f => f.Number == 2))
                {
                    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6;
                    //        fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8; repeated KeyValue attributes = 9; }
                    var s = Fields(span.Bytes).ToList();
                    spans.Add(new ExportedSpan(
                        service, scope, Hex(s, 1), Hex(s, 2), Hex(s, 4), Text(s, 5) ?? "",
                        (SpanKind)(s.FirstOrDefault(f => f.Number == 6)?.Varint ?? 0))
                    {
                        StartUnixNano = s.FirstOrDefault(f => f.Number == 7)?.Varint ?? 0,
                        EndUnixNano = s.FirstOrDefault(f => f.Number == 8)?.Varint ?? 0,
                        Attributes = StringAttributes(s.Where(f => f.Number == 9)),
                    });
                }
            }
        }

        return spans;
    }

    /// <summary>Resource { repeated KeyValue attributes = 1; }, KeyValue { string key = 1; AnyValue value = 2; }, AnyValue { string string_value = 1; }.</summary>
    private static string? ServiceName(byte[] resource)
    {
        foreach (var attribute in Fields(resource).Where(f => f.Number == 1))
        {
            var keyValue = Fields(attribute.Bytes).ToList();
            if (Text(keyValue, 1) == "service.name")
            {
                return keyValue.Where(f => f.Number == 2).Select(f => Text(Fields(f.Bytes), 1)).FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>KeyValue { string key = 1; AnyValue value = 2; }; only AnyValue.string_value (1) is kept.</summary>
    private static Dictionary<string, string> StringAttributes(IEnumerable<Field> keyValues)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var kv in keyValues)
        {
            var fields = Fields(kv.Bytes).ToList();
            if (Text(fields, 1) is { } key && fields.FirstOrDefault(f => f.Number == 2) is { } value && Text(Fields(value.Bytes), 1) is { } text)
            {
                attributes[key] = text;
            }
        }

        return attributes;
    }

    private static string? Text(IEnumerable<Field> fields, int number) =>
        fields.FirstOrDefault(f => f.Number == number) is { Bytes: { } bytes } ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    private static string Hex(IEnumerable<Field> fields, int number) =>
        fields.FirstOrDefault(f => f.Number == number) is { Bytes: { } bytes } ? Convert.ToHexStringLower(bytes) : "";

    private static List<Field> Fields(byte[] message)
    {
        var input = new CodedInputStream(message);
        var fields = new List<Field>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.LengthDelimited:
                    fields.Add(new Field(number, input.ReadBytes().ToByteArray(), 0));
                    break;
                case WireFormat.WireType.Varint:
                    fields.Add(new Field(number, [], input.ReadUInt64()));
                    break;
                case WireFormat.WireType.Fixed64:
                    fields.Add(new Field(number, [], input.ReadFixed64()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return fields;
    }

    private sealed record Field(int Number, byte[] Bytes, ulong Varint);
}

/// <summary>OTLP's Span.SpanKind values.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
