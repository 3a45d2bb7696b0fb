namespace ProjectHub.Approval.Domain;

/// <summary>An approving department: a stable English id and its Chinese name as data.</summary>
public sealed record Department(string Id, string Name)
{
    public static readonly Department Drc = new("DRC", "发改委");
    public static readonly Department NaturalResourcesAndPlanning = new("NATURAL_RESOURCES_PLANNING", "自然资源和规划局");
    public static readonly Department EcologyAndEnvironment = new("ECOLOGY_ENVIRONMENT", "生态环境局");
    public static readonly Department HousingAndConstruction = new("HOUSING_CONSTRUCTION", "住建局");
}
