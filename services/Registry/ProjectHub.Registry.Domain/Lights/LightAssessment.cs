namespace ProjectHub.Registry.Domain.Lights;

/// <summary>
/// The outcome of one evaluation: the worst light among the reasons (green when there are none), the reasons
/// worst first, and the planned and reported percent the lag rules looked at (null when not applicable).
/// </summary>
public sealed record LightAssessment(
    Light Light,
    IReadOnlyList<LightReason> Reasons,
    decimal? PlannedPercent,
    decimal? ActualPercent)
{
    /// <summary>For stages that carry no light.</summary>
    public static LightAssessment NoLight { get; } = new(Light.None, [], null, null);
}
