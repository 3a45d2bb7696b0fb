using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Domain = ProjectHub.Registry.Domain;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Common;

/// <summary>
/// Conversions between wire shapes and domain values. Parsing collects problems into a violation list (named
/// by field path) instead of throwing, so one response names every bad field.
/// </summary>
public static class Wire
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>Canonical text: no trailing zeros ("50", "12.86"), whatever scale the database returned.</summary>
    public static V1.Decimal Dec(decimal value) => new() { Value = value.ToString("0.############################", CultureInfo.InvariantCulture) };

    public static V1.Decimal? Dec(decimal? value) => value is { } v ? Dec(v) : null;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static Timestamp Time(long unixMs) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    /// <summary>A required decimal; unset counts as zero only when <paramref name="required"/> is false.</summary>
    public static decimal ParseDecimal(V1.Decimal? value, string field, Violations v, bool required = true)
    {
        if (value is null || string.IsNullOrWhiteSpace(value.Value))
        {
            if (required)
            {
                v.Add(field, "Required: an exact decimal such as \"1234.5\".");
            }

            return 0m;
        }

        if (decimal.TryParse(value.Value, DecimalStyle, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        v.Add(field, $"{Grpc.ErrorText.Quote(value.Value)} is not a decimal; use invariant notation such as \"1234.5\".");
        return 0m;
    }

    public static DateOnly ParseDate(string? text, string field, Violations v)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, "Required: a date YYYY-MM-DD.");
            return default;
        }

        return TryDate(text, out var date) ? date : Bad(text, field, v);
    }

    /// <summary>Empty means not given (null).</summary>
    public static DateOnly? ParseOptionalDate(string? text, string field, Violations v)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TryDate(text, out var date) ? date : Bad(text, field, v);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static DateOnly Bad(string text, string field, Violations v)
    {
        v.Add(field, $"{Grpc.ErrorText.Quote(text)} is not a date in the form YYYY-MM-DD.");
        return default;
    }

    // Domain and proto enum members share names (the proto adds an UNSPECIFIED zero), so convert by name.
    public static V1.ProjectTier ToWire(Domain.Projects.ProjectTier tier) => System.Enum.Parse<V1.ProjectTier>(tier.ToString());

    public static V1.ProjectStage ToWire(Domain.Projects.ProjectStage stage) => System.Enum.Parse<V1.ProjectStage>(stage.ToString());

    public static V1.Light ToWire(Domain.Lights.Light light) => System.Enum.Parse<V1.Light>(light.ToString());

    public static V1.ConstructionState ToWire(Domain.Progress.ConstructionState state) => System.Enum.Parse<V1.ConstructionState>(state.ToString());

    /// <summary>Null for UNSPECIFIED or an unknown number.</summary>
    public static TDomain? FromWire<TWire, TDomain>(TWire value)
        where TWire : struct, System.Enum
        where TDomain : struct, System.Enum =>
        System.Enum.IsDefined(value) && System.Enum.TryParse<TDomain>(value.ToString(), out var d) ? d : null;
}

/// <summary>Field violations gathered while reading a request.</summary>
public sealed class Violations
{
    private readonly List<(string Field, string Description)> _items = [];

    public bool Any => _items.Count > 0;

    public void Add(string field, string description) => _items.Add((field, description));

    public void AddRange(IEnumerable<Domain.Validation.FieldViolation> violations, string prefix = "")
    {
        foreach (var violation in violations)
        {
            Add(prefix + violation.Field, violation.Message);
        }
    }

    public void Require(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, $"Required: {what}.");
        }
    }

    /// <summary>Throws INVALID_ARGUMENT naming every bad field, before anything was stored.</summary>
    public void ThrowIfAny(string message = "The request has invalid fields.")
    {
        if (Any)
        {
            throw Grpc.RpcException.InvalidArgument(
                message + " " + string.Join("; ", _items.Select(i => $"{i.Field}: {i.Description}")), _items);
        }
    }
}
