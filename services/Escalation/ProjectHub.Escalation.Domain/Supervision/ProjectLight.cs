namespace ProjectHub.Escalation.Domain.Supervision;

/// <summary>A project's warning light as the projects service publishes it; None for stages that carry no light.</summary>
public enum ProjectLight
{
    None,
    Green,
    Yellow,
    Red,
}
