using System.Globalization;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Domain;

namespace ProjectHub.Registry.Domain.Progress;

/// <summary>
/// Checks a report before it is stored. A cumulative figure lower than the previous report's is accepted on
/// purpose: re-measurement corrects over-reporting, and refusing it would force the owner to rewrite every
/// report since the error. The replaced figures stay in history for inspectors.
/// </summary>
public static class ProgressReportValidator
{
    public const int MaxNarrativeLength = 4000;
    public const int MaxProblemLength = 1000;

    /// <summary>Problems listed in one report; more belong in the escalation service, one problem each.</summary>
    public const int MaxProblems = 50;

    /// <summary>More workers than any single site has; a larger figure is a typing error.</summary>
    public const int MaxWorkers = 100_000;

    /// <summary>Milestone names are quoted in messages only this far, so a hostile name is not echoed back whole.</summary>
    private const int QuotedNameLength = 50;

    public static IReadOnlyList<FieldViolation> Validate(
        ProgressReport report, ProjectSchedule schedule, ReportCadence cadence, DateOnly today)
    {
        var v = new Violations();
        CheckPeriod(v, report.Period, schedule.PlannedStart, cadence, today);

        if (report.CumulativePercent is < 0m or > 100m)
        {
            v.Add("cumulative_percent", Text($"Cumulative percent complete must be between 0 and 100; it is {report.CumulativePercent}."));
        }

        if (report.PeriodInvestment < 0m)
        {
            v.Add("period_investment", "Investment completed in the period must not be negative.");
        }

        if (report.CumulativeInvestment < 0m)
        {
            v.Add("cumulative_investment", "Cumulative investment completed must not be negative.");
        }
        else if (report.PeriodInvestment > report.CumulativeInvestment)
        {
            v.Add("cumulative_investment", Text(
                $"Cumulative investment ({report.CumulativeInvestment}) must include this period's investment ({report.PeriodInvestment})."));
        }

        if (report.Workers < 0)
        {
            v.Add("workers", "Workers on site must not be negative.");
        }
        else if (report.Workers > MaxWorkers)
        {
            v.Add("workers", Text($"Workers on site must be at most {MaxWorkers}; it is {report.Workers}."));
        }

        if (!Enum.IsDefined(report.State))
        {
            v.Add("state", "Unknown construction state.");
        }

        CheckMilestones(v, report.ReachedMilestones, schedule.Baseline, today);

        TextRules.Check(v, "narrative", report.Narrative, MaxNarrativeLength, multiLine: true);
        if (report.Problems.Count > MaxProblems)
        {
            // One violation for the list, not one per entry: thousands would make an answer no client accepts.
            v.Add("problems", Text($"A report lists at most {MaxProblems} problems; it lists {report.Problems.Count}."));
            return v.Items;
        }

        for (var i = 0; i < report.Problems.Count; i++)
        {
            var field = Text($"problems[{i}]");
            if (string.IsNullOrWhiteSpace(report.Problems[i]))
            {
                v.Add(field, "A problem needs a description; remove empty entries.");
            }
            else
            {
                TextRules.Check(v, field, report.Problems[i], MaxProblemLength, multiLine: true);
            }
        }

        return v.Items;
    }

    private static void CheckPeriod(Violations v, ReportPeriod period, DateOnly plannedStart, ReportCadence cadence, DateOnly today)
    {
        if (!cadence.IsPeriod(period))
        {
            var expected = cadence.PeriodContaining(period.Start);
            v.Add("period", $"The period must be {cadence.Describe()}, e.g. {Format.Date(expected.Start)} to {Format.Date(expected.End)}; it is {Format.Date(period.Start)} to {Format.Date(period.End)}.");
            return;
        }

        // The period holding the planned start is fine; only periods wholly before it are. A project that starts
        // early has its planned start moved first, as an audited plan change.
        if (period.End < plannedStart)
        {
            v.Add("period", $"The period {Format.Date(period.Start)} to {Format.Date(period.End)} ends before the planned start {Format.Date(plannedStart)}.");
        }

        // The current period may be reported (owners report during the week); one that has not begun may not.
        if (period.Start > today)
        {
            v.Add("period", $"The period {Format.Date(period.Start)} to {Format.Date(period.End)} has not begun yet (today is {Format.Date(today)}).");
        }
    }

    private static void CheckMilestones(Violations v, IReadOnlyList<MilestoneReached> reached, Baseline baseline, DateOnly today)
    {
        // A baseline has at most ProjectValidator.MaxMilestones, so a longer list is wrong as a whole: one violation
        // says so, instead of thousands that would make an answer no client accepts.
        if (reached.Count > ProjectValidator.MaxMilestones)
        {
            v.Add("reached_milestones", Text(
                $"A report lists at most {ProjectValidator.MaxMilestones} reached milestones; it lists {reached.Count}."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reached.Count; i++)
        {
            var at = Text($"reached_milestones[{i}]");
            var m = reached[i];
            if (!baseline.Milestones.Any(b => string.Equals(b.Name, m.Name, StringComparison.Ordinal)))
            {
                v.Add($"{at}.name", $"The baseline has no milestone named \"{Quote(m.Name)}\".");
            }
            else if (!seen.Add(m.Name))
            {
                v.Add($"{at}.name", $"Milestone \"{Quote(m.Name)}\" is listed more than once.");
            }

            if (m.ActualDate > today)
            {
                v.Add($"{at}.actual_date", $"A milestone cannot be reached in the future ({Format.Date(m.ActualDate)}; today is {Format.Date(today)}).");
            }
        }
    }

    private static string Quote(string name) =>
        name.Length <= QuotedNameLength ? name : string.Concat(name.AsSpan(0, QuotedNameLength), "…");

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
