using System.Globalization;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Calendar.V1;
using ProjectHub.Grpc;

namespace ProjectHub.Approval.Calendar;

/// <summary>
/// projecthub.calendar.v1.WorkingCalendar: the shared working-day calendar over gRPC. Public knowledge, so any
/// authenticated caller may use it; the bearer-token filter has already refused calls without a valid token.
/// </summary>
[GrpcService(typeof(CalendarReflection), "projecthub.calendar.v1.WorkingCalendar")]
public sealed class WorkingCalendarService(IWorkingCalendar calendar)
{
    // About ten years either way: far beyond any time limit, and keeps a request from walking the calendar forever.
    private const int MaxWorkingDays = 3660;

    public Task<AddWorkingDaysResponse> AddWorkingDays(AddWorkingDaysRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var date = ParseDate(validation, "date", request.Date);
        // A range check, not Math.Abs: Math.Abs(int.MinValue) overflows.
        if (request.WorkingDays is < -MaxWorkingDays or > MaxWorkingDays)
        {
            validation.Add("working_days", $"must be between -{MaxWorkingDays} and {MaxWorkingDays}.");
        }

        validation.ThrowIfInvalid();
        var result = calendar.AddWorkingDays(date, request.WorkingDays);
        return Task.FromResult(new AddWorkingDaysResponse { Date = result.ToWire(), KnownYears = Known(date, result) });
    }

    public Task<CountWorkingDaysResponse> CountWorkingDays(CountWorkingDaysRequest request, ServerCallContext context)
    {
        var validation = new RequestValidation();
        var from = ParseDate(validation, "from_date", request.FromDate);
        var to = ParseDate(validation, "to_date", request.ToDate);
        if (validation.IsValid && Math.Abs(to.DayNumber - from.DayNumber) > MaxWorkingDays * 2)
        {
            validation.Add("to_date", "must be within about twenty years of from_date.");
        }

        validation.ThrowIfInvalid();
        return Task.FromResult(new CountWorkingDaysResponse { WorkingDays = calendar.CountWorkingDays(from, to), KnownYears = Known(from, to) });
    }

    private static DateOnly ParseDate(RequestValidation validation, string field, string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        validation.Add(field, "must be a date as YYYY-MM-DD.");
        return default;
    }

    private bool Known(DateOnly a, DateOnly b)
    {
        var (first, last) = a <= b ? (a.Year, b.Year) : (b.Year, a.Year);
        return Enumerable.Range(first, last - first + 1).All(calendar.IsKnownYear);
    }
}
