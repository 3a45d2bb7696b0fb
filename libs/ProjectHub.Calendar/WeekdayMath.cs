namespace ProjectHub.Calendar;

/// <summary>Closed-form Monday–Friday arithmetic on <see cref="DateOnly.DayNumber"/>.</summary>
internal static class WeekdayMath
{
    // DayNumber 0 (0001-01-01) is a Monday, so DayNumber % 7 is 0 for Monday … 6 for Sunday.

    public static bool IsWeekday(int dayNumber) => dayNumber % 7 < 5;

    /// <summary>Monday–Friday days with a day number in [0, <paramref name="dayNumber"/>].</summary>
    public static int WeekdaysThrough(int dayNumber)
    {
        var days = dayNumber + 1;
        return (days / 7 * 5) + Math.Min(days % 7, 5);
    }
}
