using ProjectHub.Approval.Cases;
using ProjectHub.Calendar;
using ProjectHub.Domain;

namespace ProjectHub.Approval.WorkingDays;

/// <param name="KnownYears">Whether holiday data covered every year between the two dates.</param>
public sealed record WorkingDayCount(int WorkingDays, bool KnownYears);

/// <summary>
/// Working days between two dates (public knowledge: any authenticated caller, so no role gate).
/// </summary>
public sealed class CountWorkingDays(IWorkingCalendar calendar)
{
    /// <param name="problems">What could not be read from the request (from_date, to_date), reported with the other bad fields.</param>
    public WorkingDayCount Handle(DateOnly from, DateOnly to, Violations problems)
    {
        var validation = new Violations();
        validation.AddRange(problems.Items);
        if (!validation.Any && Math.Abs(to.DayNumber - from.DayNumber) > WorkingDayLimits.MaxWorkingDays * 2)
        {
            validation.Add("to_date", "与 from_date 相差不能超过约二十年。");
        }

        validation.ThrowIfInvalid();
        return new WorkingDayCount(calendar.CountWorkingDays(from, to), calendar.KnowsYears(from, to));
    }
}
