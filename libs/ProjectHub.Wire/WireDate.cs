using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ProjectHub.Domain;

namespace ProjectHub.Wire;

/// <summary>Calendar dates on the wire are "YYYY-MM-DD" strings read as Asia/Shanghai dates; instants are Timestamps.</summary>
public static class WireDate
{
    public const string Format = "yyyy-MM-dd";

    public static string ToWire(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Empty for no date.</summary>
    public static string ToWire(DateOnly? date) => date is { } d ? ToWire(d) : "";

    public static Timestamp Instant(long unixMs) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    public static Timestamp Instant(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A required date, naming the field in <paramref name="v"/> when it is missing or malformed (worded in
    /// Chinese: the people who read a refused request are).</summary>
    public static DateOnly Parse(string? text, string field, Violations v)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, "必填：日期，格式为 YYYY-MM-DD。");
            return default;
        }

        return TryParse(text, out var date) ? date : Bad(text, field, v);
    }

    /// <summary>Empty means not given (null).</summary>
    public static DateOnly? ParseOptional(string? text, string field, Violations v)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TryParse(text, out var date) ? date : Bad(text, field, v);
    }

    private static DateOnly Bad(string text, string field, Violations v)
    {
        v.Add(field, $"{ErrorText.Quote(text)} 不是 YYYY-MM-DD 格式的日期。");
        return default;
    }
}
