using ProjectHub.Approval.WorkingDays;
using ProjectHub.Domain;
using ProjectHub.Wire;
using CalendarV1 = ProjectHub.Calendar.V1;

namespace ProjectHub.Approval.Wire;

/// <summary>projecthub.calendar.v1 messages ⇄ dates; reading never throws, it names the bad field instead.</summary>
public static class CalendarWire
{
    /// <summary>A "YYYY-MM-DD" date; anything else is a violation of <paramref name="field"/> (and the default date).</summary>
    public static DateOnly ParseDate(string field, string text, Violations problems)
    {
        if (WireDate.TryParse(text, out var date))
        {
            return date;
        }

        problems.Add(field, "须为 YYYY-MM-DD 格式的日期。");
        return default;
    }

    public static CalendarV1.AddWorkingDaysResponse ToWire(WorkingDate result) =>
        new() { Date = WireDate.ToWire(result.Date), KnownYears = result.KnownYears };

    public static CalendarV1.CountWorkingDaysResponse ToWire(WorkingDayCount result) =>
        new() { WorkingDays = result.WorkingDays, KnownYears = result.KnownYears };
}
