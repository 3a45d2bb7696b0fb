namespace ProjectHub.Calendar;

/// <summary>A date described by the calendar.</summary>
/// <param name="Holiday">
/// The holiday the day belongs to: the holiday itself for <see cref="DayKind.Holiday"/>, the holiday it was
/// swapped for for <see cref="DayKind.AdjustedWorkday"/>, otherwise null.
/// </param>
/// <param name="IsKnownYear">False when the answer comes from the Monday–Friday fallback.</param>
public readonly record struct CalendarDay(DateOnly Date, DayKind Kind, Holiday? Holiday, bool IsKnownYear)
{
    public bool IsWorkingDay => Kind is DayKind.WorkingDay or DayKind.AdjustedWorkday;
}
