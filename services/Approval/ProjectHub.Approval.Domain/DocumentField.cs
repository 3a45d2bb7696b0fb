namespace ProjectHub.Approval.Domain;

/// <summary>The fields of a <see cref="DocumentReference"/>, for reporting which one is bad.</summary>
public enum DocumentField
{
    Name,
    Sha256,
    SizeBytes,
    Location,
}
