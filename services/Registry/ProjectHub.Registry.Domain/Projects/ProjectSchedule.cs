namespace ProjectHub.Registry.Domain.Projects;

/// <summary>The planned dates and the baseline: together they say how far along a project should be on any day.</summary>
public sealed record ProjectSchedule(DateOnly PlannedStart, DateOnly PlannedCompletion, Baseline Baseline)
{
    /// <summary>
    /// Planned cumulative percent on <paramref name="day"/>: 0 before and at the planned start, linear between
    /// consecutive milestones, and 100 at the last milestone and after. When no milestone reaches 100 (or there
    /// are none) the planned completion date is read as a final 100 % point, so the curve always ends at 100.
    /// A milestone on the planned start counts from that day. Rounded to two decimals (half away from zero), the
    /// precision reports carry, so a lag shown to a person is the lag the rules compared.
    /// Assumes a baseline that passed <see cref="Baseline.Validate"/>.
    /// </summary>
    public decimal PlannedPercentOn(DateOnly day)
    {
        if (day < PlannedStart)
        {
            return 0m;
        }

        var points = CurvePoints();
        var at = points.FindLastIndex(p => p.Date <= day);
        var current = points[at];
        if (at == points.Count - 1)
        {
            return current.Percent;
        }

        var next = points[at + 1];
        if (next.Date <= current.Date)
        {
            return current.Percent;
        }

        var fraction = (decimal)(day.DayNumber - current.Date.DayNumber) / (next.Date.DayNumber - current.Date.DayNumber);
        var planned = current.Percent + ((next.Percent - current.Percent) * fraction);
        return Math.Round(planned, 2, MidpointRounding.AwayFromZero);
    }

    private List<(DateOnly Date, decimal Percent)> CurvePoints()
    {
        var points = new List<(DateOnly Date, decimal Percent)> { (PlannedStart, 0m) };
        points.AddRange(Baseline.Milestones.Select(m => (m.PlannedDate, m.CumulativePercent)));
        if (points[^1].Percent < 100m && PlannedCompletion >= points[^1].Date)
        {
            points.Add((PlannedCompletion, 100m));
        }

        return points;
    }
}
