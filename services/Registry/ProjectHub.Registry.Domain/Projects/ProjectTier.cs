namespace ProjectHub.Registry.Domain.Projects;

/// <summary>Which list a project belongs to; decides whose attention it gets.</summary>
public enum ProjectTier
{
    /// <summary>National key project.</summary>
    National,

    /// <summary>省大中型: provincial large and medium-sized project.</summary>
    ProvincialLargeMedium,

    /// <summary>省重点: provincial key project.</summary>
    ProvincialKey,

    /// <summary>市重大重点: municipal major key project.</summary>
    MunicipalMajor,
}
