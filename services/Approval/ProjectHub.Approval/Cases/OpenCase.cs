using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Grpc;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Cases;

/// <summary>Opens a project's case with the items its investment and funding require (one case per project).</summary>
public sealed class OpenCase(ApprovalDbContext db, ApprovalRules rules, TimeProvider time, IWorkingCalendar calendar)
{
    public async Task<V1.ApprovalCase> HandleAsync(V1.OpenCaseRequest request, string actor, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        validation.Required("project_id", request.ProjectId);
        validation.Required("owner_unit", request.OwnerUnit);
        var investment = validation.Decimal("total_investment", request.TotalInvestment);
        if (investment < 0)
        {
            validation.Add("total_investment", "must not be negative.");
        }

        validation.ThrowIfInvalid();

        var projectId = request.ProjectId.Trim();
        if (await db.Cases.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            throw RpcException.FailedPrecondition("CASE_ALREADY_OPEN", $"Project {projectId} already has an approval case.");
        }

        var opened = ApprovalCase.Open(projectId, investment, request.GovernmentInvested, request.GreenChannel, rules);
        var now = time.GetUtcNow();
        var record = new CaseRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            ProjectId = projectId,
            TotalInvestment = investment,
            GovernmentInvested = request.GovernmentInvested,
            GreenChannel = request.GreenChannel,
            OwnerUnit = request.OwnerUnit.Trim(),
            ExpertReviewRequired = opened.ExpertReviewRequired,
            PreliminaryDesignInPlaceOfFeasibility = opened.PreliminaryDesignInPlaceOfFeasibility,
            OpenedAtUnixMs = now.ToUnixTimeMilliseconds(),
            OpenedBy = actor,
        };
        record.Items.AddRange(opened.Requirements.Items.Select(r => CaseStore.NewItem(record.Id, r)));
        db.Cases.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return CaseStore.Rebuild(record).ToProto(calendar, ChinaTime.DateOf(now));
    }
}
