namespace ProjectHub.Escalation.Domain.Ladders;

/// <summary>Tier ids used by the shipped presets; alert routing gives the first three special handlers.</summary>
public static class WellKnownTierIds
{
    public const string ResponsibleUnit = "RESPONSIBLE_UNIT";
    public const string IndustryDepartment = "INDUSTRY_DEPARTMENT";
    public const string ViceMayor = "VICE_MAYOR";
    public const string ExecutiveViceMayor = "EXECUTIVE_VICE_MAYOR";
    public const string GovernmentExecutiveMeeting = "GOVERNMENT_EXECUTIVE_MEETING";
    public const string StandingCommittee = "STANDING_COMMITTEE";
}
