namespace ProjectHub.Calendar;

/// <summary>
/// The mainland China working-day calendar over a set of known years; any other year is plain Monday–Friday and
/// every answer that relied on such a year raises <see cref="FallbackUsed"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// All arithmetic goes through an ordinal: the number of working days from 0001-01-01 up to and including a
/// date. It is closed-form for weekdays plus a precomputed per-day correction for known years, so counting is
/// O(1) and adding is a galloping binary search over it, with no allocation either way.
/// Adding finds the working day whose ordinal is ordinal(start) + n, which is what makes it the exact inverse of
/// counting; a day off shares the ordinal of the working day before it, so from a day off one step back lands on
/// the working day before that one.
/// </remarks>
public sealed partial class WorkingCalendar : IWorkingCalendar
{
    private static readonly int MaxDayNumber = DateOnly.MaxValue.DayNumber;

    private readonly int _firstYear;

    // Indexed by year − _firstYear; null marks an unknown year between known ones.
    private readonly YearTable?[] _tables;

    // Sum of YearDelta of the known years before the indexed year.
    private readonly int[] _deltaBefore;
    private readonly int _deltaTotal;

    /// <exception cref="CalendarDataException">A year is invalid or given twice.</exception>
    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        var byYear = new SortedDictionary<int, CalendarYear>();
        foreach (var year in years)
        {
            CalendarYearValidator.Validate(year);
            if (!byYear.TryAdd(year.Year, year))
            {
                throw new CalendarDataException(
                    year.Origin, $"year {year.Year} is also given by '{byYear[year.Year].Origin}'.");
            }
        }

        KnownYears = byYear.Keys.ToList().AsReadOnly();
        _firstYear = byYear.Count == 0 ? 0 : KnownYears[0];
        var span = byYear.Count == 0 ? 0 : KnownYears[^1] - _firstYear + 1;
        _tables = new YearTable?[span];
        _deltaBefore = new int[span];
        var running = 0;
        for (var i = 0; i < span; i++)
        {
            _deltaBefore[i] = running;
            if (byYear.TryGetValue(_firstYear + i, out var year))
            {
                var table = new YearTable(year);
                _tables[i] = table;
                running += table.YearDelta;
            }
        }

        _deltaTotal = running;
    }

    /// <summary>
    /// Raised, synchronously on the calling thread, when an answer depended on a year without data. The library
    /// never logs; the host subscribes and logs (once per year is usually enough).
    /// </summary>
    public event EventHandler<CalendarFallbackEventArgs>? FallbackUsed;

    /// <summary>Years with holiday data, ascending.</summary>
    public IReadOnlyList<int> KnownYears { get; }

    public bool IsKnownYear(int year) => TableFor(year) is not null;

    /// <summary>The holidays of a known year; empty for an unknown year.</summary>
    public IReadOnlyList<Holiday> HolidaysOf(int year) => TableFor(year)?.Holidays ?? [];

    public bool IsWorkingDay(DateOnly date)
    {
        var table = TableFor(date.Year);
        if (table is null)
        {
            ReportFallback(date.Year, date.Year);
            return WeekdayMath.IsWeekday(date.DayNumber);
        }

        return table.IsWorkingDay(date.DayOfYear);
    }

    /// <summary>The kind of day and, for holidays and adjusted workdays, which holiday.</summary>
    public CalendarDay DescribeDay(DateOnly date)
    {
        var table = TableFor(date.Year);
        if (table is null)
        {
            ReportFallback(date.Year, date.Year);
            var kind = WeekdayMath.IsWeekday(date.DayNumber) ? DayKind.WorkingDay : DayKind.Weekend;
            return new CalendarDay(date, kind, null, false);
        }

        return new CalendarDay(date, table.KindOf(date.DayOfYear), table.HolidayOf(date.DayOfYear), true);
    }

    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return 0;
        }

        // The days that matter are (from, to] or (to, from].
        var (low, high) = from < to ? (from, to) : (to, from);
        ReportFallbackIfAny(low.AddDays(1).Year, high.Year);
        return Ordinal(to.DayNumber) - Ordinal(from.DayNumber);
    }

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        if (workingDays == 0)
        {
            return start;
        }

        var result = DateOnly.FromDayNumber(FindOrdinal(start.DayNumber, workingDays));
        if (workingDays > 0)
        {
            ReportFallbackIfAny(start.AddDays(1).Year, result.Year);
        }
        else
        {
            ReportFallbackIfAny(result.Year, start.AddDays(-1).Year);
        }

        return result;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => AddWorkingDays(date, -1);

    private YearTable? TableFor(int year)
    {
        var i = year - _firstYear;
        return (uint)i < (uint)_tables.Length ? _tables[i] : null;
    }

    /// <summary>Working days with a day number in [0, <paramref name="dayNumber"/>]; −1 gives 0.</summary>
    private int Ordinal(int dayNumber)
    {
        if (dayNumber < 0)
        {
            return 0;
        }

        var ordinal = WeekdayMath.WeekdaysThrough(dayNumber);
        if (_tables.Length == 0)
        {
            return ordinal;
        }

        var date = DateOnly.FromDayNumber(dayNumber);
        var i = date.Year - _firstYear;
        if (i < 0)
        {
            return ordinal;
        }

        if (i >= _tables.Length)
        {
            return ordinal + _deltaTotal;
        }

        var table = _tables[i];
        return ordinal + _deltaBefore[i] + (table?.DeltaThrough(date.DayOfYear) ?? 0);
    }

    /// <summary>
    /// The working day whose ordinal is ordinal(start) + n, i.e. the smallest day number whose ordinal reaches it.
    /// </summary>
    private int FindOrdinal(int start, int n)
    {
        var target = (long)Ordinal(start) + n;
        if (target < 1 || target > Ordinal(MaxDayNumber))
        {
            throw new ArgumentOutOfRangeException(
                nameof(n), n, "The result would fall outside the range of DateOnly.");
        }

        // Invariant: Ordinal(low) < target <= Ordinal(high). Each day adds at most one working day, so |n| days is
        // the nearest the answer can be; gallop outwards from there, doubling.
        int low, high;
        if (n > 0)
        {
            low = start;
            long step = n;
            high = (int)Math.Min(start + step, MaxDayNumber);
            while (Ordinal(high) < target)
            {
                low = high;
                step *= 2;
                high = (int)Math.Min(start + step, MaxDayNumber);
            }
        }
        else
        {
            high = start;
            long step = -(long)n;
            low = (int)Math.Max(start - step, -1);
            while (Ordinal(low) >= target)
            {
                high = low;
                step *= 2;
                low = (int)Math.Max(start - step, -1);
            }
        }

        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (Ordinal(mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return high;
    }

    private void ReportFallback(int firstYear, int lastYear) =>
        FallbackUsed?.Invoke(this, new CalendarFallbackEventArgs(firstYear, lastYear));

    /// <summary>Raises one event per run of unknown years inside [<paramref name="firstYear"/>, <paramref name="lastYear"/>].</summary>
    private void ReportFallbackIfAny(int firstYear, int lastYear)
    {
        if (FallbackUsed is null)
        {
            return;
        }

        var knownFirst = _firstYear;
        var knownLast = _firstYear + _tables.Length - 1;
        if (_tables.Length == 0 || lastYear < knownFirst || firstYear > knownLast)
        {
            ReportFallback(firstYear, lastYear);
            return;
        }

        if (firstYear < knownFirst)
        {
            ReportFallback(firstYear, knownFirst - 1);
        }

        // Gaps between known years.
        int? gapStart = null;
        for (var y = Math.Max(firstYear, knownFirst); y <= Math.Min(lastYear, knownLast); y++)
        {
            var unknown = _tables[y - _firstYear] is null;
            if (unknown && gapStart is null)
            {
                gapStart = y;
            }
            else if (!unknown && gapStart is int g)
            {
                ReportFallback(g, y - 1);
                gapStart = null;
            }
        }

        if (gapStart is int open)
        {
            ReportFallback(open, Math.Min(lastYear, knownLast));
        }

        if (lastYear > knownLast)
        {
            ReportFallback(knownLast + 1, lastYear);
        }
    }
}
