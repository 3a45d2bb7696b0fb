using System.Globalization;
using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain;

/// <summary>
/// The Chinese wording of the registry's own refusals (the shared <see cref="TextRules"/> and <see cref="Violations"/>
/// word the common ones). Field paths, reason codes and wire enum names stay as they are: clients match on them.
/// </summary>
public static class RegistryTexts
{
    /// <summary>The stage as the board names it, with the wire code so a caller can match it to the API: "在建（UNDER_CONSTRUCTION）".</summary>
    public static string Stage(ProjectStage stage) => stage switch
    {
        ProjectStage.Reserve => "储备（RESERVE）",
        ProjectStage.PreConstruction => "前期（PRE_CONSTRUCTION）",
        ProjectStage.UnderConstruction => "在建（UNDER_CONSTRUCTION）",
        ProjectStage.Completed => "竣工（COMPLETED）",
        ProjectStage.Exited => "退出（EXITED）",
        _ => stage.ToString(),
    };

    /// <summary>The stage as stored (the enum's name), or the stored text itself when it is no stage.</summary>
    public static string Stage(string stored) =>
        Enum.TryParse<ProjectStage>(stored, out var stage) ? Stage(stage) : stored;

    /// <summary>The tier as the board names it, with the wire code: "市重大（PROJECT_TIER_MUNICIPAL_MAJOR）".</summary>
    public static string Tier(ProjectTier tier) => tier switch
    {
        ProjectTier.National => "国家重大（PROJECT_TIER_NATIONAL）",
        ProjectTier.ProvincialLargeMedium => "省大中型（PROJECT_TIER_PROVINCIAL_LARGE_MEDIUM）",
        ProjectTier.ProvincialKey => "省重点（PROJECT_TIER_PROVINCIAL_KEY）",
        ProjectTier.MunicipalMajor => "市重大（PROJECT_TIER_MUNICIPAL_MAJOR）",
        _ => tier.ToString(),
    };
}
