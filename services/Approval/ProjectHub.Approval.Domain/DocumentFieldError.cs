namespace ProjectHub.Approval.Domain;

/// <summary>One invalid field of a document reference.</summary>
public sealed record DocumentFieldError(DocumentField Field, string Message)
{
    /// <summary>The field's name (camelCase) as messages and <see cref="ApprovalErrors.Refusal"/> take it.</summary>
    public string FieldName => Field switch
    {
        DocumentField.Name => "name",
        DocumentField.Sha256 => "sha256",
        DocumentField.SizeBytes => "sizeBytes",
        _ => "location",
    };
}
