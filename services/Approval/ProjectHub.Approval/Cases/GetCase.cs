using ProjectHub.Approval.Access;
using ProjectHub.Domain;
using ProjectHub.Security;

namespace ProjectHub.Approval.Cases;

/// <summary>One case, for a caller who may read it.</summary>
public sealed class GetCase(CaseStore store)
{
    public async Task<LoadedCase> HandleAsync(string caseId, Caller caller, CancellationToken cancellationToken)
    {
        var validation = new Violations();
        validation.Required("case_id", caseId);
        validation.ThrowIfInvalid();
        var loaded = await store.FindAsync(caseId, cancellationToken)
            ?? throw DomainException.NotFound($"审批案件 {caseId} 不存在。");
        loaded.RequireReadableBy(caller);
        return loaded;
    }
}
