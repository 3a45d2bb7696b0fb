using ProjectHub.Calendar;

namespace ProjectHub.Hosting.Calendar;

/// <summary>
/// The working-day calendar every service asks (<see cref="IWorkingCalendar"/>): the shipped years plus the files in
/// "Calendar:ExtraDirectory", replaced whole when <see cref="Reload"/> reads a valid set. A set with a malformed
/// file is refused with the reason and the previous calendar stays in force, so a bad drop never changes a deadline.
/// </summary>
public sealed class ReloadingCalendar : IWorkingCalendar
{
    private readonly string? _extraDirectory;
    private readonly Action<int, int> _onFallback;
    private volatile WorkingCalendar _current;

    /// <param name="onFallback">Told the first and last unknown year whenever an answer touched years without data.</param>
    /// <exception cref="CalendarDataException">The files present at start are malformed: the host must not start.</exception>
    public ReloadingCalendar(string? extraDirectory, Action<int, int> onFallback)
    {
        _extraDirectory = extraDirectory;
        _onFallback = onFallback;
        _current = Load();
    }

    public IReadOnlyList<int> KnownYears => _current.KnownYears;

    /// <summary>Reads the shipped years and the extra directory again; on success they replace the calendar.</summary>
    /// <returns>Null when the new data is in force, else why it was refused (the previous data stays).</returns>
    public string? Reload()
    {
        try
        {
            _current = Load();
            return null;
        }
        catch (Exception e) when (e is CalendarDataException or DirectoryNotFoundException or IOException)
        {
            return e.Message;
        }
    }

    public bool IsWorkingDay(DateOnly date) => _current.IsWorkingDay(date);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays) => _current.AddWorkingDays(start, workingDays);

    public int CountWorkingDays(DateOnly from, DateOnly to) => _current.CountWorkingDays(from, to);

    public bool IsKnownYear(int year) => _current.IsKnownYear(year);

    private WorkingCalendar Load()
    {
        var calendar = WorkingCalendar.LoadDefault(_extraDirectory);
        calendar.FallbackUsed += (_, e) => _onFallback(e.FirstYear, e.LastYear);
        return calendar;
    }
}
