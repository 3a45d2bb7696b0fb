namespace ProjectHub.Registry.Domain.Progress;

/// <summary>The state of the site as the owner reports it.</summary>
public enum ConstructionState
{
    Normal,
    Slowed,
    Suspended,
    NotStarted,
}
