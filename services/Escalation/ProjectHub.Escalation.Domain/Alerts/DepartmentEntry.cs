namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>An industry department (行业主管部门) and the industries it governs.</summary>
public sealed class DepartmentEntry
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Industries { get; set; } = [];
}
