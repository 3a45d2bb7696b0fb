namespace ProjectHub.Registry.Domain.Lights;

/// <summary>How many projects show each light. <see cref="Unlit"/> counts stages without a light.</summary>
public readonly record struct LightCounts(int Red, int Yellow, int Green, int Unlit = 0)
{
    /// <summary>Projects carrying a light.</summary>
    public int Lit => Red + Yellow + Green;

    public int Total => Lit + Unlit;

    public LightCounts Add(Light light) => light switch
    {
        Light.Red => this with { Red = Red + 1 },
        Light.Yellow => this with { Yellow = Yellow + 1 },
        Light.Green => this with { Green = Green + 1 },
        _ => this with { Unlit = Unlit + 1 },
    };
}
