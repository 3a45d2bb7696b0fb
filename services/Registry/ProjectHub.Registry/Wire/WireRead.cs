using ProjectHub.Domain;
using ProjectHub.Wire;
using Dec = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Registry.Wire;

/// <summary>
/// Dates and decimals read from registry requests. The judgement is the shared <see cref="WireDate"/>'s and
/// <see cref="WireDecimal"/>'s; the refusals are worded here in Chinese because the people who read them are, and the
/// shared ones speak English for every service. Bad values are quoted by <see cref="ErrorText.Quote"/>, so a hostile
/// value is echoed only to its first characters.
/// </summary>
public static class WireRead
{
    /// <summary>A required "YYYY-MM-DD" date, naming the field in <paramref name="v"/> when it is missing or malformed.</summary>
    public static DateOnly Date(string? text, string field, Violations v)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, "必填：日期，格式为 YYYY-MM-DD。");
            return default;
        }

        return WireDate.TryParse(text, out var date) ? date : BadDate(text, field, v);
    }

    /// <summary>Empty means not given (null).</summary>
    public static DateOnly? OptionalDate(string? text, string field, Violations v)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return WireDate.TryParse(text, out var date) ? date : BadDate(text, field, v);
    }

    /// <summary>A decimal, naming the field in <paramref name="v"/> when it is missing (if required) or not a decimal.</summary>
    public static decimal ExactNumber(Dec? value, string field, Violations v, bool required = true)
    {
        if (WireDecimal.IsUnset(value))
        {
            if (required)
            {
                v.Add(field, "必填：精确的十进制数，如 \"1234.5\"。");
            }

            return 0m;
        }

        if (WireDecimal.TryParse(value, out var parsed))
        {
            return parsed;
        }

        v.Add(field, $"{ErrorText.Quote(value!.Value)} 不是有效的十进制数，请用半角写法，如 \"1234.5\"。");
        return 0m;
    }

    private static DateOnly BadDate(string text, string field, Violations v)
    {
        v.Add(field, $"{ErrorText.Quote(text)} 不是 YYYY-MM-DD 格式的日期。");
        return default;
    }
}
