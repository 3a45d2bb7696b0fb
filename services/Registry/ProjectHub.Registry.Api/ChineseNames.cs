namespace ProjectHub.Registry.V1;

/// <summary>
/// The Chinese names people read for the registry's wire enums, one table for every client (the board's pages, the
/// CLI's tables), so a tier or stage is never named two ways.
/// </summary>
public static class ChineseNames
{
    public static string Tier(ProjectTier tier) => tier switch
    {
        ProjectTier.National => "国家重大",
        ProjectTier.ProvincialLargeMedium => "省大中型",
        ProjectTier.ProvincialKey => "省重点",
        ProjectTier.MunicipalMajor => "市重大",
        _ => "未定",
    };

    public static string Stage(ProjectStage stage) => stage switch
    {
        ProjectStage.Reserve => "储备",
        ProjectStage.PreConstruction => "前期",
        ProjectStage.UnderConstruction => "在建",
        ProjectStage.Completed => "竣工",
        ProjectStage.Exited => "退出",
        _ => "未定",
    };
}
