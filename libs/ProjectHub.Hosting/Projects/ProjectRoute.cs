namespace ProjectHub.Hosting.Projects;

/// <summary>
/// Who owns, answers for and leads a project, as last seen on the registry's events: a service that needs it to
/// authorize or route (approval, escalation) keeps this copy instead of calling the registry back.
/// </summary>
public sealed class ProjectRoute
{
    public string ProjectId { get; set; } = "";

    public string ProjectName { get; set; } = "";

    public string OwnerUnit { get; set; } = "";

    public string ResponsibleUnit { get; set; } = "";

    public string IndustryDepartment { get; set; } = "";

    public string LeaderInCharge { get; set; } = "";

    /// <summary>When the registry event that wrote this row occurred (Unix ms); an older event never overwrites it.</summary>
    public long UpdatedAtUnixMs { get; set; }
}
