using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Items;
using ProjectHub.Approval.V1;
using ProjectHub.Approval.Wire;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Security;

namespace ProjectHub.Approval.Info;

/// <summary>
/// projecthub.approval.v1.Approvals: a thin adapter; each use case lives in its own handler, which authorizes the
/// token's caller (rules in <see cref="Authorization.ApprovalAccess"/>) and records its subject as the actor.
/// GetServiceInfo is open to any authenticated caller.
/// </summary>
[GrpcService(typeof(ApprovalReflection), "projecthub.approval.v1.Approvals")]
public sealed class ApprovalsService(IServiceProvider services)
{
    public Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        Task.FromResult(new ServiceInfo { Name = "projecthub.approval.v1.Approvals", Version = typeof(ApprovalsService).Assembly.GetName().Version?.ToString() ?? "" });

    public Task<ApprovalCase> OpenCase(OpenCaseRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<OpenCase>().HandleAsync(request, context.Caller(), context.CancellationToken));

    public Task<ApprovalCase> GetCase(GetCaseRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<GetCase>().HandleAsync(request, context.Caller(), context.CancellationToken));

    public Task<ListCasesResponse> ListCases(ListCasesRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<ListCases>().HandleAsync(request, context.Caller(), context.CancellationToken));

    public Task<ApprovalItem> SubmitItem(SubmitItemRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<SubmitItem>().HandleAsync(request, context.Caller(), context.CancellationToken));

    public Task<ApprovalItem> AcceptItem(AcceptItemRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<AcceptItem>().HandleAsync(request, context.Caller(), context.CancellationToken));

    public Task<ApprovalItem> ApproveItem(ApproveItemRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<ApproveItem>().HandleAsync(request, context.Caller(), context.CancellationToken));

    public Task<ApprovalItem> ReturnItem(ReturnItemRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<ReturnItem>().HandleAsync(request, context.Caller(), context.CancellationToken));

    public Task<GetTimelineResponse> GetTimeline(GetTimelineRequest request, ServerCallContext context) =>
        DomainErrors.Guard(() => Handler<GetTimeline>().HandleAsync(request, context.Caller(), context.CancellationToken));

    // Resolved per call so a read does not construct the write handlers (and their dependencies).
    private T Handler<T>()
        where T : notnull => services.GetRequiredService<T>();
}
