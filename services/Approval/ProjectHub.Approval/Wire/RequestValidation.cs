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

    /// <summary>Ids, unit and department names: single-line and short.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Free text people type (a return reason, a note): line breaks allowed, about two pages at most.</summary>
    public const int MaxFreeTextLength = 2000;

    /// <summary>Documents of one submission: a complete dossier, not an archive.</summary>
    public const int MaxDocuments = 50;

    /// <summary>The largest document a reference may describe (10 GiB, beyond any scanned dossier).</summary>
    public const long MaxDocumentBytes = 10L * 1024 * 1024 * 1024;

    // Required fields of this API that are free text rather than names or ids.
    private static readonly HashSet<string> FreeTextFields = new(StringComparer.Ordinal) { "reason", "note" };

    /// <summary>A required value, also checked as <see cref="Text"/> (free text for reason and note, else a name or id).</summary>
    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return;
        }

        var freeText = FreeTextFields.Contains(field);
        Text(field, value, freeText ? MaxFreeTextLength : MaxNameLength, multiLine: freeText);
    }

    /// <summary>The optional free-text note of an item action: may be empty, else free text (lines allowed).</summary>
    public void Note(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Text("note", value, MaxFreeTextLength, multiLine: true);
        }
    }

    /// <summary>
    /// Optional text: at most <paramref name="maxLength"/> characters and no control characters (line breaks and
    /// tabs only where <paramref name="multiLine"/>). A hostile id is refused here rather than echoed in a NOT_FOUND.
    /// </summary>
    public void Text(string field, string? value, int maxLength, bool multiLine = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var length = value.EnumerateRunes().Count();
        if (length > maxLength)
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {maxLength} characters; it has {length}."));
        }

        if (value.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
        {
            Add(field, multiLine
                ? "must not contain control characters other than line breaks and tabs."
                : "must not contain control characters such as line breaks or tabs.");
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
        if (documents.Count > MaxDocuments)
        {
            // One violation, not one per element: ten thousand of them would make an answer no client accepts.
            Add(field, string.Create(CultureInfo.InvariantCulture, $"must list at most {MaxDocuments} documents; it lists {documents.Count}."));
            return result;
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var errors = Domain.DocumentReference.Validate(d.Name, d.Sha256, d.SizeBytes, d.Location);
            foreach (var error in errors)
            {
                Add($"{field}[{i}].{DomainErrors.SnakeCase(error.FieldName)}", error.Message);
            }

            if (d.SizeBytes > MaxDocumentBytes)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}].size_bytes"),
                    string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxDocumentBytes} bytes (10 GiB)."));
            }

            if (errors.Count == 0 && d.SizeBytes <= MaxDocumentBytes)
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
