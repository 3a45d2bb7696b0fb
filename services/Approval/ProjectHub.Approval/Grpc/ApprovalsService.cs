using Grpc.Core;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Items;
using ProjectHub.Approval.V1;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Domain;
using ProjectHub.Hosting.Security;
using ProjectHub.Type.V1;
using ProjectHub.Wire;

namespace ProjectHub.Approval.Grpc;

/// <summary>
/// projecthub.approval.v1.Approvals: a thin adapter from the wire to the use cases, which take and return domain
/// values, authorize the token's caller (rules in <see cref="Access.ApprovalAccess"/>) and record its subject as the
/// actor. Every method needs an authenticated caller (GetServiceInfo any one); refusals become statuses in the
/// hosting library's error interceptor.
/// </summary>
public sealed class ApprovalsService(IServiceProvider services, IWorkingCalendar calendar, TimeProvider time) : Approvals.ApprovalsBase
{
    public const string Name = "projecthub.approval.v1.Approvals";

    public override Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(WireServiceInfo.Of(Name, typeof(ApprovalsService).Assembly));

    public override async Task<ApprovalCase> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        ToWire(await Use<OpenCase>().HandleAsync(ApprovalWire.FromWire(request), context.Caller(), context.CancellationToken));

    public override async Task<ApprovalCase> GetCase(GetCaseRequest request, ServerCallContext context) =>
        ToWire(await Use<GetCase>().HandleAsync(request.CaseId, context.Caller(), context.CancellationToken));

    public override async Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context)
    {
        var page = await Use<ListCases>().HandleAsync(ApprovalWire.FromWire(request), context.Caller(), context.CancellationToken);
        var today = time.Today();
        var response = new ListCasesResponse { NextPageToken = page.NextPageToken };
        response.Cases.AddRange(page.Cases.Select(c => ApprovalWire.ToWire(c, calendar, today)));
        return response;
    }

    public override async Task<ApprovalItem> SubmitItem(SubmitItemRequest request, ServerCallContext context) =>
        ToWire(await Use<SubmitItem>().HandleAsync(ApprovalWire.FromWire(request), context.Caller(), context.CancellationToken));

    public override async Task<ApprovalItem> AcceptItem(AcceptItemRequest request, ServerCallContext context) =>
        ToWire(await Use<AcceptItem>().HandleAsync(
            request.CaseId, ApprovalWire.FromWire(request.Kind), request.DepartmentId, request.Note, context.Caller(), context.CancellationToken));

    public override async Task<ApprovalItem> ApproveItem(ApproveItemRequest request, ServerCallContext context) =>
        ToWire(await Use<ApproveItem>().HandleAsync(
            request.CaseId, ApprovalWire.FromWire(request.Kind), request.DepartmentId, request.Note, context.Caller(), context.CancellationToken));

    public override async Task<ApprovalItem> ReturnItem(ReturnItemRequest request, ServerCallContext context) =>
        ToWire(await Use<ReturnItem>().HandleAsync(
            request.CaseId, ApprovalWire.FromWire(request.Kind), request.DepartmentId, request.Reason, context.Caller(), context.CancellationToken));

    public override async Task<GetTimelineResponse> GetTimeline(GetTimelineRequest request, ServerCallContext context) =>
        ApprovalWire.ToWire(
            await Use<GetTimeline>().HandleAsync(request.CaseId, ApprovalWire.FromWire(request.Kind), context.Caller(), context.CancellationToken),
            calendar, time.Today());

    // Clocks are read on today's Asia/Shanghai date.
    private ApprovalCase ToWire(LoadedCase loaded) => ApprovalWire.ToWire(loaded, calendar, time.Today());

    private ApprovalItem ToWire(LoadedItem loaded) => ApprovalWire.ToWire(loaded, calendar, time.Today());

    // Resolved per call from the call's scope, so a read does not construct the write handlers (and their dependencies).
    private T Use<T>()
        where T : notnull => services.GetRequiredService<T>();
}
