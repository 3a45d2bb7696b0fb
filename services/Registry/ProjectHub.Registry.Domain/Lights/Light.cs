namespace ProjectHub.Registry.Domain.Lights;

/// <summary>Warning light (红黄灯预警). Declared in order of severity so the worst of several is the maximum.</summary>
public enum Light
{
    /// <summary>The stage carries no light (reserve, completed, exited).</summary>
    None = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
}
