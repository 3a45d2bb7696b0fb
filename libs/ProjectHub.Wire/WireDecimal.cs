using System.Globalization;
using ProjectHub.Domain;
using Dec = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Wire;

/// <summary>Exact decimals on the wire (<c>projecthub.type.v1.Decimal</c>): invariant text, never a float.</summary>
public static class WireDecimal
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Canonical text: no trailing zeros ("50", "12.86"), whatever scale the database returned.</summary>
    public static Dec ToWire(decimal value) => new() { Value = value.ToString("0.############################", CultureInfo.InvariantCulture) };

    public static Dec? ToWire(decimal? value) => value is { } v ? ToWire(v) : null;

    /// <summary>True when <paramref name="value"/> holds invariant decimal text (optional '-', digits, optional '.').</summary>
    public static bool TryParse(Dec? value, out decimal parsed)
    {
        parsed = 0m;
        return value is not null && !string.IsNullOrWhiteSpace(value.Value)
            && decimal.TryParse(value.Value, Style, CultureInfo.InvariantCulture, out parsed);
    }

    /// <summary>Whether the wire value is absent or blank.</summary>
    public static bool IsUnset(Dec? value) => value is null || string.IsNullOrWhiteSpace(value.Value);

    /// <summary>A decimal field, naming the field in <paramref name="v"/> when it is missing (if required) or not a decimal.</summary>
    public static decimal Parse(Dec? value, string field, Violations v, bool required = true)
    {
        if (IsUnset(value))
        {
            if (required)
            {
                v.Add(field, "必填：精确的十进制数，如 \"1234.5\"。");
            }

            return 0m;
        }

        if (TryParse(value, out var parsed))
        {
            return parsed;
        }

        v.Add(field, $"{ErrorText.Quote(value!.Value)} 不是有效的十进制数，请用半角写法，如 \"1234.5\"。");
        return 0m;
    }
}
