namespace ProjectHub.Calendar;

/// <summary>
/// Consistency rules for one year of data. Data is typed in by people from a published notice, so every rule
/// here catches a plausible typo rather than a theoretical case.
/// </summary>
public static class CalendarYearValidator
{
    // Years outside this range are almost certainly typos ("225", "20265").
    private const int MinYear = 1949;
    private const int MaxYear = 2999;
    private const int MaxHolidays = 32;
    private const int MaxHolidayLength = 31;

    /// <summary>Throws <see cref="CalendarDataException"/> naming <see cref="CalendarYear.Origin"/> on the first problem.</summary>
    public static void Validate(CalendarYear year)
    {
        var problem = FindProblem(year);
        if (problem is not null)
        {
            throw new CalendarDataException(year.Origin, problem);
        }
    }

    private static string? FindProblem(CalendarYear year)
    {
        if (year.Year is < MinYear or > MaxYear)
        {
            return $"year {year.Year} is outside {MinYear}–{MaxYear}.";
        }

        if (year.Holidays.Count > MaxHolidays)
        {
            return $"{year.Holidays.Count} holidays; at most {MaxHolidays} are expected.";
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var daysOff = new Dictionary<DateOnly, string>();
        var workdays = new Dictionary<DateOnly, string>();
        foreach (var h in year.Holidays)
        {
            var problem = FindHolidayProblem(year.Year, h, ids, daysOff, workdays);
            if (problem is not null)
            {
                return problem;
            }
        }

        foreach (var (date, id) in workdays)
        {
            if (daysOff.TryGetValue(date, out var offId))
            {
                return $"{date:yyyy-MM-dd} is an adjusted workday of '{id}' and a day off of '{offId}'.";
            }
        }

        return null;
    }

    private static string? FindHolidayProblem(
        int year,
        Holiday h,
        HashSet<string> ids,
        Dictionary<DateOnly, string> daysOff,
        Dictionary<DateOnly, string> workdays)
    {
        if (string.IsNullOrWhiteSpace(h.Id) || string.IsNullOrWhiteSpace(h.Name) || string.IsNullOrWhiteSpace(h.NameZh))
        {
            return $"holiday '{h.Id}' needs a non-empty id, name and nameZh.";
        }

        if (!ids.Add(h.Id))
        {
            return $"holiday id '{h.Id}' appears twice.";
        }

        if (h.First.Year != year || h.Last.Year != year)
        {
            return $"holiday '{h.Id}' ({h.First:yyyy-MM-dd} … {h.Last:yyyy-MM-dd}) is not inside {year}.";
        }

        if (h.Last < h.First)
        {
            return $"holiday '{h.Id}' ends ({h.Last:yyyy-MM-dd}) before it starts ({h.First:yyyy-MM-dd}).";
        }

        if (h.Last.DayNumber - h.First.DayNumber + 1 > MaxHolidayLength)
        {
            return $"holiday '{h.Id}' is longer than {MaxHolidayLength} days.";
        }

        for (var d = h.First; d <= h.Last; d = d.AddDays(1))
        {
            if (!daysOff.TryAdd(d, h.Id))
            {
                return $"{d:yyyy-MM-dd} is a day off of both '{daysOff[d]}' and '{h.Id}'.";
            }
        }

        foreach (var d in h.AdjustedWorkdays)
        {
            if (d.Year != year)
            {
                return $"adjusted workday {d:yyyy-MM-dd} of '{h.Id}' is not inside {year}.";
            }

            // A Monday–Friday "adjusted workday" is a working day anyway: almost surely a mistyped date.
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return $"adjusted workday {d:yyyy-MM-dd} of '{h.Id}' is a {d.DayOfWeek}, not a weekend day.";
            }

            if (!workdays.TryAdd(d, h.Id))
            {
                return $"adjusted workday {d:yyyy-MM-dd} is listed twice.";
            }
        }

        return null;
    }
}
