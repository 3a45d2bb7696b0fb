namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>
/// Who sits where, as configured. Units need no entry: every project names its responsible and owner units.
/// </summary>
public sealed class RecipientDirectoryOptions
{
    public List<DepartmentEntry> Departments { get; set; } = [];

    public List<LeaderEntry> Leaders { get; set; } = [];

    /// <summary>DRC recipients: copied on top-tier overdue alerts and the fallback when nobody else is found.</summary>
    public List<string> DrcRecipientIds { get; set; } = [];
}
