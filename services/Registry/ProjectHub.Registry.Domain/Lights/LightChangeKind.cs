namespace ProjectHub.Registry.Domain.Lights;

public enum LightChangeKind
{
    /// <summary>Same light, same reasons: nothing to record.</summary>
    None,

    /// <summary>Same light for a different set of reasons: recorded in history, not published.</summary>
    ReasonsChanged,

    /// <summary>The light itself changed: recorded and published.</summary>
    LightChanged,
}
