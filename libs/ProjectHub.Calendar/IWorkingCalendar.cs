namespace ProjectHub.Calendar;

/// <summary>
/// Working days in the mainland China civil calendar (Asia/Shanghai): weekends and statutory holidays are off,
/// adjusted weekend workdays (调休上班) are on. Pure: no clock, no I/O after construction.
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (start itself not
    /// counted). Zero returns <paramref name="start"/>; negative counts go backwards.
    /// </summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>
    /// Working days in the half-open span (<paramref name="from"/>, <paramref name="to"/>]: the days after
    /// <paramref name="from"/> up to and including <paramref name="to"/>. Negative when <paramref name="to"/> is
    /// before <paramref name="from"/>. Inverse of <see cref="AddWorkingDays"/>.
    /// </summary>
    int CountWorkingDays(DateOnly from, DateOnly to);

    /// <summary>True when the year's holiday data is known; otherwise the calendar falls back to weekdays.</summary>
    bool IsKnownYear(int year);
}
