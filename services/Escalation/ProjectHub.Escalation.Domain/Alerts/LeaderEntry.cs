namespace ProjectHub.Escalation.Domain.Alerts;

/// <summary>
/// A named leader or meeting secretariat sitting at ladder tier <see cref="TierId"/>. The portfolio
/// (<see cref="Industries"/>, <see cref="DepartmentIds"/>) limits which projects it handles; an empty portfolio means
/// every project (e.g. the executive vice mayor or a meeting secretariat).
/// </summary>
public sealed class LeaderEntry
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string TierId { get; set; } = "";

    public List<string> Industries { get; set; } = [];

    public List<string> DepartmentIds { get; set; } = [];
}
