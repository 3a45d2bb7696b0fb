using Google.Protobuf.Reflection;

namespace ProjectHub.BadInput.Tests.Fuzzing;

/// <summary>One hostile value for one kind of field; <see cref="MustNotBeStored"/> says a service must refuse it.</summary>
public sealed record HostileValue(string Name, object? Value, bool MustNotBeStored)
{
    public const int RepeatedCount = 10_000;

    public static readonly string Huge = new('字', 1024 * 1024 / 3 + 1); // 1 MiB of UTF-8

    public static readonly string Control = "\u0000\u0007\u001b[2J";

    public static readonly string Sql = "'; DROP TABLE projects; --";

    public static readonly string Script = "<script>alert(1)</script>";

    /// <summary>The values tried on a singular <paramref name="field"/>; none for bools (there is no hostile bool).</summary>
    public static IEnumerable<HostileValue> For(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String =>
        [
            new("empty", "", false),
            new("1MiB", Huge, true),
            new("control", Control, true),
            new("sql", Sql, false),
            new("script", Script, false),
        ],
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 =>
        [
            new("int.MinValue", int.MinValue, true),
            new("int.MaxValue", int.MaxValue, true),
            new("-1", -1, true),
        ],
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 =>
        [
            new("long.MinValue", long.MinValue, true),
            new("long.MaxValue", long.MaxValue, true),
            new("-1", -1L, true),
        ],
        FieldType.UInt32 or FieldType.Fixed32 => [new("uint.MaxValue", uint.MaxValue, true)],
        FieldType.UInt64 or FieldType.Fixed64 => [new("ulong.MaxValue", ulong.MaxValue, true)],
        FieldType.Double =>
        [
            new("NaN", double.NaN, true),
            new("+Infinity", double.PositiveInfinity, true),
            new("-Infinity", double.NegativeInfinity, true),
            new("double.MaxValue", double.MaxValue, true),
        ],
        FieldType.Float =>
        [
            new("NaN", float.NaN, true),
            new("+Infinity", float.PositiveInfinity, true),
            new("-Infinity", float.NegativeInfinity, true),
        ],
        FieldType.Enum =>
        [
            new("unknown 999", 999, true),
            new("unknown -1", -1, true),
            new("UNSPECIFIED", 0, false),
        ],
        FieldType.Bytes => [new("1MiB", Google.Protobuf.ByteString.CopyFrom(new byte[1024 * 1024]), true)],
        _ => [],
    };
}
