using System.Globalization;
using ProjectHub.Registry.V1;

namespace ProjectHub.Board.Api;

/// <summary>A week of the project page's chart: its Monday, its ISO name, and planned and reported cumulative %.</summary>
public sealed record WeekPoint(string Week, string Name, decimal? Planned, decimal? Actual);

/// <summary>
/// Planned against reported, week by week. Light evaluations are not the axis: a project evaluated five times on one
/// day would plot five points with one date, and a quiet month none. Weeks come from the current version of each
/// week's report; the weeks between two reports are there with no values, so missing reports show as gaps.
/// </summary>
public static class WeeklyProgress
{
    /// <summary>More weeks than any project's reporting life on the page (ten years); older ones are left off.</summary>
    public const int MaxWeeks = 520;

    public static List<WeekPoint> Points(IEnumerable<ProgressReport> reports)
    {
        var byMonday = new SortedDictionary<DateOnly, ProgressReport>();
        foreach (var r in reports.Where(r => r.Current))
        {
            if (DateOnly.TryParseExact(r.PeriodStart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var monday))
            {
                byMonday[monday] = r;
            }
        }

        var points = new List<WeekPoint>();
        if (byMonday.Count == 0)
        {
            return points;
        }

        var last = byMonday.Keys.Last();
        var first = byMonday.Keys.First();
        if (last.DayNumber - first.DayNumber > (MaxWeeks - 1) * 7)
        {
            first = last.AddDays(-(MaxWeeks - 1) * 7);
        }

        for (var monday = first; monday <= last; monday = monday.AddDays(7))
        {
            var week = monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            points.Add(byMonday.TryGetValue(monday, out var r)
                ? new WeekPoint(week, r.PeriodName, Views.Number(r.PlannedPercent), Views.Number(r.CumulativePercent))
                : new WeekPoint(week, "", null, null));
        }

        return points;
    }
}
