using Google.Protobuf.Reflection;
using ProjectHub.Calendar.V1;
using ProjectHub.Grpc;

namespace ProjectHub.Approval.Client;

/// <summary>Typed client of projecthub.calendar.v1.WorkingCalendar (served on the approval service's port).</summary>
public sealed class WorkingCalendarClient(GrpcChannel channel)
{
    private static readonly ServiceDescriptor Service = CalendarReflection.Descriptor.Services[0];

    private static readonly Method<AddWorkingDaysRequest, AddWorkingDaysResponse> AddWorkingDaysMethod =
        Method<AddWorkingDaysRequest, AddWorkingDaysResponse>.Create(Service, "AddWorkingDays", MethodType.Unary);

    private static readonly Method<CountWorkingDaysRequest, CountWorkingDaysResponse> CountWorkingDaysMethod =
        Method<CountWorkingDaysRequest, CountWorkingDaysResponse>.Create(Service, "CountWorkingDays", MethodType.Unary);

    public AsyncUnaryCall<AddWorkingDaysResponse> AddWorkingDaysAsync(AddWorkingDaysRequest request, CallOptions options = default) =>
        channel.UnaryCall(AddWorkingDaysMethod, request, options);

    public AsyncUnaryCall<CountWorkingDaysResponse> CountWorkingDaysAsync(CountWorkingDaysRequest request, CallOptions options = default) =>
        channel.UnaryCall(CountWorkingDaysMethod, request, options);
}
