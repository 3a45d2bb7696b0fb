using System.Globalization;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain.Exit;

/// <summary>
/// Proposes projects for the exit mechanism; the DRC decides. Only PRE_CONSTRUCTION and UNDER_CONSTRUCTION projects
/// are considered: reserve projects have made no commitment to start, completed and exited ones are done.
/// </summary>
public static class ExitCandidates
{
    public static IReadOnlyList<ExitCandidate> Find(IEnumerable<ExitInputs> projects, ExitRules rules, DateOnly today) =>
        projects
            .Select(p => new ExitCandidate(p.ProjectId, Assess(p, rules, today)))
            .Where(c => c.Reasons.Count > 0)
            .ToList();

    /// <summary>The reasons this project is an exit candidate; empty when it is not one.</summary>
    public static IReadOnlyList<ExitReason> Assess(ExitInputs project, ExitRules rules, DateOnly today)
    {
        var reasons = new List<ExitReason>();
        if (project.Stage is not (ProjectStage.PreConstruction or ProjectStage.UnderConstruction))
        {
            return reasons;
        }

        if (project.RedSince is { } redSince && today.DayNumber - redSince.DayNumber >= rules.RedForAtLeastDays)
        {
            reasons.Add(new ExitReason(ExitReason.ProlongedRed, Text(
                $"RED without a break for {Format.Days(today.DayNumber - redSince.DayNumber)} since {Format.Date(redSince)}; {rules.RedForAtLeastDays} days or more makes an exit candidate.")));
        }

        // Same month arithmetic as the not-started light: clamp to month end, candidate from the day after.
        var candidateAfter = project.PlannedStart.AddMonths(rules.NotStartedAfterMonths);
        var started = project.ActualStart is { } actual && actual <= today;
        if (!started && today > candidateAfter)
        {
            reasons.Add(new ExitReason(ExitReason.NotStartedProlonged, Text(
                $"Not started {Format.Days(today.DayNumber - project.PlannedStart.DayNumber)} after the planned start {Format.Date(project.PlannedStart)}; not started more than {rules.NotStartedAfterMonths} months after it (after {Format.Date(candidateAfter)}) makes an exit candidate.")));
        }

        return reasons;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
