using ProjectHub.Approval.Cases;
using ProjectHub.Calendar;
using ProjectHub.Domain;

namespace ProjectHub.Approval.WorkingDays;

/// <param name="KnownYears">Whether holiday data covered every year between the date and the result.</param>
public sealed record WorkingDate(DateOnly Date, bool KnownYears);

/// <summary>
/// The date <c>n</c> working days from a date (public knowledge: any authenticated caller, so no role gate).
/// </summary>
public sealed class AddWorkingDays(IWorkingCalendar calendar)
{
    /// <param name="problems">What could not be read from the request (date), reported with the other bad fields.</param>
    public WorkingDate Handle(DateOnly date, int workingDays, Violations problems)
    {
        var validation = new Violations();
        validation.AddRange(problems.Items);
        // A range check, not Math.Abs: Math.Abs(int.MinValue) overflows.
        if (workingDays is < -WorkingDayLimits.MaxWorkingDays or > WorkingDayLimits.MaxWorkingDays)
        {
            validation.Add("working_days", $"须在 -{WorkingDayLimits.MaxWorkingDays} 到 {WorkingDayLimits.MaxWorkingDays} 之间。");
        }

        validation.ThrowIfInvalid();
        var result = calendar.AddWorkingDays(date, workingDays);
        return new WorkingDate(result, calendar.KnowsYears(date, result));
    }
}
