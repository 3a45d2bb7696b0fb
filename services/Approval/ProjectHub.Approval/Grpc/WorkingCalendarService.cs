using Grpc.Core;
using ProjectHub.Approval.Wire;
using ProjectHub.Approval.WorkingDays;
using ProjectHub.Calendar.V1;
using ProjectHub.Domain;

namespace ProjectHub.Approval.Grpc;

/// <summary>
/// projecthub.calendar.v1.WorkingCalendar: the shared working-day calendar over gRPC. Public knowledge, so any
/// authenticated caller may use it; a call without a valid token is refused (UNAUTHENTICATED) before it gets here.
/// </summary>
public sealed class WorkingCalendarService(IServiceProvider services) : WorkingCalendar.WorkingCalendarBase
{
    public const string Name = "projecthub.calendar.v1.WorkingCalendar";

    public override Task<AddWorkingDaysResponse> AddWorkingDays(AddWorkingDaysRequest request, ServerCallContext context)
    {
        var problems = new Violations();
        var date = CalendarWire.ParseDate("date", request.Date, problems);
        return Task.FromResult(CalendarWire.ToWire(Use<AddWorkingDays>().Handle(date, request.WorkingDays, problems)));
    }

    public override Task<CountWorkingDaysResponse> CountWorkingDays(CountWorkingDaysRequest request, ServerCallContext context)
    {
        var problems = new Violations();
        var from = CalendarWire.ParseDate("from_date", request.FromDate, problems);
        var to = CalendarWire.ParseDate("to_date", request.ToDate, problems);
        return Task.FromResult(CalendarWire.ToWire(Use<CountWorkingDays>().Handle(from, to, problems)));
    }

    private T Use<T>()
        where T : notnull => services.GetRequiredService<T>();
}
