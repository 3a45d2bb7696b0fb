using Domain = ProjectHub.Registry.Domain;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Wire;

/// <summary>
/// The registry's enums on the wire. Domain and proto enum members share their C# names (the proto adds an
/// UNSPECIFIED zero, and the prefix of its value names is not part of the C# names), so they convert by name.
/// </summary>
public static class EnumWire
{
    public static V1.ProjectTier ToWire(Domain.Projects.ProjectTier tier) => System.Enum.Parse<V1.ProjectTier>(tier.ToString());

    public static V1.ProjectStage ToWire(Domain.Projects.ProjectStage stage) => System.Enum.Parse<V1.ProjectStage>(stage.ToString());

    public static V1.Light ToWire(Domain.Lights.Light light) => System.Enum.Parse<V1.Light>(light.ToString());

    public static V1.ConstructionState ToWire(Domain.Progress.ConstructionState state) => System.Enum.Parse<V1.ConstructionState>(state.ToString());

    /// <summary>Null for UNSPECIFIED or an unknown number.</summary>
    public static TDomain? FromWire<TWire, TDomain>(TWire value)
        where TWire : struct, System.Enum
        where TDomain : struct, System.Enum =>
        System.Enum.IsDefined(value) && System.Enum.TryParse<TDomain>(value.ToString(), out var d) ? d : null;
}
