namespace ProjectHub.Calendar;

public static class CalendarSpans
{
    /// <summary>
    /// Whether the calendar has holiday data for every year from <paramref name="a"/>'s to <paramref name="b"/>'s
    /// (either order). When it does not, an answer over that span was counted Monday–Friday for the unknown years: it
    /// is provisional, and may move by the holidays of those years once their data is added.
    /// </summary>
    public static bool KnowsYears(this IWorkingCalendar calendar, DateOnly a, DateOnly b)
    {
        var (first, last) = a <= b ? (a.Year, b.Year) : (b.Year, a.Year);
        for (var year = first; year <= last; year++)
        {
            if (!calendar.IsKnownYear(year))
            {
                return false;
            }
        }

        return true;
    }
}
