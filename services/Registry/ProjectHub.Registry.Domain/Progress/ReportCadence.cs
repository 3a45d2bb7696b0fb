using System.Globalization;

namespace ProjectHub.Registry.Domain.Progress;

/// <summary>
/// How often owners report. Weekly is the default (一周一调度): ISO weeks, Monday to Sunday, named like
/// <c>2025-W03</c>, with the ISO week-numbering year (so 2024-12-30 is in <c>2025-W01</c>). Monthly covers calendar
/// months, named like <c>2025-03</c>. Periods always tile the calendar with no gaps, so "which period does
/// this day belong to" has exactly one answer.
/// </summary>
public sealed class ReportCadence
{
    private readonly bool _monthly;

    private ReportCadence(bool monthly) => _monthly = monthly;

    public static ReportCadence Weekly { get; } = new(monthly: false);

    public static ReportCadence Monthly { get; } = new(monthly: true);

    public ReportPeriod PeriodContaining(DateOnly day)
    {
        if (_monthly)
        {
            var first = new DateOnly(day.Year, day.Month, 1);
            return new ReportPeriod(first, first.AddMonths(1).AddDays(-1));
        }

        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        var monday = day.AddDays(-sinceMonday);
        return new ReportPeriod(monday, monday.AddDays(6));
    }

    /// <summary>True when <paramref name="period"/> is exactly one period of this cadence.</summary>
    public bool IsPeriod(ReportPeriod period) => PeriodContaining(period.Start) == period;

    /// <summary>The period's name, e.g. <c>2025-W03</c> or <c>2025-03</c>.</summary>
    public string Name(ReportPeriod period)
    {
        if (_monthly)
        {
            return period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        var day = period.Start.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }

    /// <summary>What a period of this cadence is, for messages.</summary>
    internal string Describe() => _monthly ? "一个完整的自然月" : "完整的一周（周一至周日）";
}
