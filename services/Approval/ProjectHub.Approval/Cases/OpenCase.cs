using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Authorization;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.Projects;
using ProjectHub.Approval.Wire;
using ProjectHub.Calendar;
using ProjectHub.Grpc;
using ProjectHub.Security;
using V1 = ProjectHub.Approval.V1;

namespace ProjectHub.Approval.Cases;

/// <summary>
/// Opens a project's case with the items its investment and funding require (one case per project). An owner may open
/// it only for a project the registry has told this service about and that it owns or answers for, so it cannot take
/// the one case of another owner's project; the DRC may open cases for projects not heard of yet.
/// </summary>
public sealed class OpenCase(ApprovalDbContext db, ApprovalRules rules, TimeProvider time, IWorkingCalendar calendar)
{
    public async Task<V1.ApprovalCase> HandleAsync(V1.OpenCaseRequest request, Caller caller, CancellationToken cancellationToken)
    {
        // The role gate comes first: a caller who may never open a case learns nothing from validation.
        caller.Require(ApprovalAccess.MayOpenCases(caller), "open approval cases");
        var validation = new RequestValidation();
        validation.Required("project_id", request.ProjectId);
        if (string.IsNullOrWhiteSpace(request.ProjectId))
        {
            validation.Required("owner_unit", request.OwnerUnit); // no project, so no registered owner unit to fall back on
        }

        var investment = validation.Decimal("total_investment", request.TotalInvestment);
        if (investment < 0)
        {
            validation.Add("total_investment", "must not be negative.");
        }

        validation.ThrowIfInvalid();
        var projectId = request.ProjectId.Trim();
        var route = await ProjectRoutes.FindAsync(db, projectId, cancellationToken);
        if (route is null && caller.Role == Roles.Owner)
        {
            throw RpcException.FailedPrecondition("PROJECT_NOT_KNOWN",
                $"The approval service has not yet heard of project {projectId} from the registry; retry once the project is registered, or ask the DRC to open the case.");
        }

        caller.Require(ApprovalAccess.MayOpenCase(caller, route is null ? null : ProjectScope.Of(route)),
            $"open the approval case of project {projectId}");
        var ownerUnit = OwnerUnit(request.OwnerUnit.Trim(), route);

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
            OwnerUnit = ownerUnit,
            ExpertReviewRequired = opened.ExpertReviewRequired,
            PreliminaryDesignInPlaceOfFeasibility = opened.PreliminaryDesignInPlaceOfFeasibility,
            OpenedAtUnixMs = now.ToUnixTimeMilliseconds(),
            OpenedBy = caller.Subject,
        };
        record.Items.AddRange(opened.Requirements.Items.Select(r => CaseStore.NewItem(record.Id, r)));
        db.Cases.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return CaseStore.Rebuild(record).ToProto(calendar, ChinaTime.DateOf(now));
    }

    /// <summary>
    /// The registry's owner unit when the project is known (the request may leave owner_unit empty, and may not name
    /// another); the requested one otherwise (only the DRC or an admin gets here, and must name it).
    /// </summary>
    private static string OwnerUnit(string requested, ProjectRouteRecord? route)
    {
        var validation = new RequestValidation();
        if (route is null)
        {
            validation.Required("owner_unit", requested);
        }
        else if (requested.Length > 0 && requested != route.OwnerUnit)
        {
            validation.Add("owner_unit", $"must be empty or the project's registered owner unit '{route.OwnerUnit}'.");
        }

        validation.ThrowIfInvalid();
        return route?.OwnerUnit ?? requested;
    }
}
