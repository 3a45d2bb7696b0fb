using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Grpc;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Cases;

public sealed class GetCase(CaseStore store, TimeProvider time, IWorkingCalendar calendar)
{
    public async Task<V1.ApprovalCase> HandleAsync(V1.GetCaseRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        validation.Required("case_id", request.CaseId);
        validation.ThrowIfInvalid();
        var loaded = await store.FindAsync(request.CaseId, cancellationToken)
            ?? throw RpcException.NotFound($"Approval case {request.CaseId} does not exist.");
        loaded.RequireReadableBy(caller);
        return loaded.ToProto(calendar, ChinaTime.DateOf(time.GetUtcNow()));
    }
}
