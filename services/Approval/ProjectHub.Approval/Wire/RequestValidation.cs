using System.Globalization;
using System.Text.RegularExpressions;
using ProjectHub.Grpc;
using Domain = ProjectHub.Approval.Domain;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Wire;

/// <summary>
/// Collects every bad field of a request (snake_case proto paths) so one INVALID_ARGUMENT names them all, before
/// anything is read or written.
/// </summary>
public sealed partial class RequestValidation
{
    private readonly List<(string Field, string Description)> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public void Add(string field, string description) => _violations.Add((field, description));

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
        }
    }

    public Domain.ApprovalItemKind Kind(string field, V1.ItemKind kind)
    {
        if (kind == V1.ItemKind.Unspecified || !Enum.IsDefined(kind))
        {
            Add(field, "must be one of the ITEM_KIND_ values.");
            return default;
        }

        return (Domain.ApprovalItemKind)((int)kind - 1);
    }

    /// <summary>An exact decimal of at most 14 integer and 4 fractional digits (万元 to 0.0001, the stored precision).</summary>
    public decimal Decimal(string field, V1.Decimal? value)
    {
        var text = value?.Value?.Trim() ?? "";
        if (!DecimalPattern().IsMatch(text))
        {
            Add(field, "must be a decimal string such as \"3000.01\" (at most 4 decimal places).");
            return 0;
        }

        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>Every document with every bad field named (documents[i].sha256 …).</summary>
    public IReadOnlyList<Domain.DocumentReference> Documents(string field, IReadOnlyList<V1.DocumentReference> documents)
    {
        var result = new List<Domain.DocumentReference>();
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var errors = Domain.DocumentReference.Validate(d.Name, d.Sha256, d.SizeBytes, d.Location);
            foreach (var error in errors)
            {
                Add($"{field}[{i}].{DomainErrors.SnakeCase(error.FieldName)}", error.Message);
            }

            if (errors.Count == 0)
            {
                result.Add(Domain.DocumentReference.Create(d.Name, d.Sha256, d.SizeBytes, d.Location));
            }
        }

        return result;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw RpcException.InvalidArgument(
                "Invalid request: " + string.Join(" ", _violations.Select(v => $"{v.Field} {v.Description}")), _violations);
        }
    }

    [GeneratedRegex(@"^-?\d{1,14}(\.\d{1,4})?$")]
    private static partial Regex DecimalPattern();
}
