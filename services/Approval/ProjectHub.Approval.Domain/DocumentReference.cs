namespace ProjectHub.Approval.Domain;

/// <summary>
/// A document submitted with an item: the service stores the bytes elsewhere, the domain keeps what identifies
/// them. Equal references have equal fields; the hash is kept in lowercase so case does not matter.
/// </summary>
public sealed record DocumentReference
{
    private const int MaxNameLength = 255;
    private const int MaxLocationLength = 2048;

    private DocumentReference(string name, string sha256, long sizeBytes, string location)
    {
        Name = name;
        Sha256 = sha256;
        SizeBytes = sizeBytes;
        Location = location;
    }

    /// <summary>File name as the owner uploaded it.</summary>
    public string Name { get; }

    /// <summary>SHA-256 of the content, 64 lowercase hex characters.</summary>
    public string Sha256 { get; }

    public long SizeBytes { get; }

    /// <summary>Where the service stored the content (an object-store key or URI); opaque to the domain.</summary>
    public string Location { get; }

    /// <exception cref="ProjectHub.Domain.DomainException">
    /// <see cref="ApprovalErrorReason.InvalidDocument"/>, with its field violation naming the first bad field and the
    /// message listing all of them.
    /// </exception>
    public static DocumentReference Create(string name, string sha256, long sizeBytes, string location)
    {
        var errors = Validate(name, sha256, sizeBytes, location);
        if (errors.Count > 0)
        {
            throw ApprovalErrors.Refusal(
                ApprovalErrorReason.InvalidDocument,
                "材料信息有误：" + string.Join(" ", errors.Select(e => $"{e.FieldName}: {e.Message}")),
                errors[0].FieldName);
        }

        return new DocumentReference(name, sha256.ToLowerInvariant(), sizeBytes, location);
    }

    /// <summary>Every invalid field; empty when <see cref="Create"/> would succeed.</summary>
    public static IReadOnlyList<DocumentFieldError> Validate(string? name, string? sha256, long sizeBytes, string? location)
    {
        var errors = new List<DocumentFieldError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors.Add(new(DocumentField.Name, $"须为 1–{MaxNameLength} 个字符，且不含控制字符。"));
        }

        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit))
        {
            errors.Add(new(DocumentField.Sha256, "须为 64 位十六进制字符（SHA-256）。"));
        }

        if (sizeBytes <= 0)
        {
            errors.Add(new(DocumentField.SizeBytes, "须大于 0。"));
        }

        if (string.IsNullOrWhiteSpace(location) || location.Length > MaxLocationLength || location.Any(char.IsControl))
        {
            errors.Add(new(DocumentField.Location, $"须为 1–{MaxLocationLength} 个字符，且不含控制字符。"));
        }

        return errors;
    }
}
