namespace ProjectHub.Registry.Domain.Projects;

/// <summary>Where a project is in reserve → build → complete (储备一批、建设一批、竣工一批), or retired.</summary>
public enum ProjectStage
{
    /// <summary>储备: on the reserve list, no commitment to start yet.</summary>
    Reserve,

    /// <summary>前期: preparing to start (approvals, land, design).</summary>
    PreConstruction,

    /// <summary>在建: under construction.</summary>
    UnderConstruction,

    /// <summary>竣工: completed.</summary>
    Completed,

    /// <summary>退出: retired through the exit mechanism.</summary>
    Exited,
}
