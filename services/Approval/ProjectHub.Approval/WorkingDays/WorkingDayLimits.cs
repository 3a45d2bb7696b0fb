using ProjectHub.Calendar;

namespace ProjectHub.Approval.WorkingDays;

/// <summary>What the working-day calendar answers over gRPC, and for which span.</summary>
public static class WorkingDayLimits
{
    // About ten years either way: far beyond any time limit, and keeps a request from walking the calendar forever.
    public const int MaxWorkingDays = 3660;

    /// <summary>Whether the calendar has holiday data for every year from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static bool KnowsYears(this IWorkingCalendar calendar, DateOnly a, DateOnly b)
    {
        var (first, last) = a <= b ? (a.Year, b.Year) : (b.Year, a.Year);
        return Enumerable.Range(first, last - first + 1).All(calendar.IsKnownYear);
    }
}
