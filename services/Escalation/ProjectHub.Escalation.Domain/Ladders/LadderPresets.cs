namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>The ladders that ship with the product. Each call returns fresh options that may be edited.</summary>
public static class LadderPresets
{
    public const string DefaultName = "Default";
    public const string ShortName = "Short";

    public static IReadOnlyList<string> Names { get; } = [DefaultName, ShortName];

    /// <summary>The six-tier ladder from the municipal text (分级调度).</summary>
    public static LadderOptions Default() => new()
    {
        Tiers =
        [
            Tier(WellKnownTierIds.ResponsibleUnit, "项目责任单位/业主单位", 3),
            Tier(WellKnownTierIds.IndustryDepartment, "行业主管部门", 5),
            Tier(WellKnownTierIds.ViceMayor, "分管副市长", 5),
            Tier(WellKnownTierIds.ExecutiveViceMayor, "常务副市长", 5),
            Tier(WellKnownTierIds.GovernmentExecutiveMeeting, "市政府常务会", 10),
            Tier(WellKnownTierIds.StandingCommittee, "市委常委会", null),
        ],
    };

    /// <summary>
    /// unit → department → vice mayor → standing committee. The shared tiers keep the default limits (3, 5, 5) so a
    /// tier has the same time in either preset; dropping the two middle tiers cuts the worst-case climb from
    /// 28 to 13 working days.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The preset's name in the domain brief and in configuration (Escalation:Ladder:Preset=Short).")]
    public static LadderOptions Short() => new()
    {
        Tiers =
        [
            Tier(WellKnownTierIds.ResponsibleUnit, "项目责任单位/业主单位", 3),
            Tier(WellKnownTierIds.IndustryDepartment, "行业主管部门", 5),
            Tier(WellKnownTierIds.ViceMayor, "分管副市长", 5),
            Tier(WellKnownTierIds.StandingCommittee, "市委常委会", null),
        ],
    };

    /// <summary>The preset of that name, or null when there is none.</summary>
    public static LadderOptions? ByName(string name) =>
        string.Equals(name, DefaultName, StringComparison.OrdinalIgnoreCase) ? Default()
        : string.Equals(name, ShortName, StringComparison.OrdinalIgnoreCase) ? Short()
        : null;

    private static LadderTierOptions Tier(string id, string chineseName, int? limit) =>
        new() { Id = id, ChineseName = chineseName, WorkingDayLimit = limit };
}
