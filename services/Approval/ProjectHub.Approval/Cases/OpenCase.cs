using Microsoft.EntityFrameworkCore;
using ProjectHub.Approval.Access;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Domain;
using ProjectHub.Hosting.Projects;
using ProjectHub.Security;

namespace ProjectHub.Approval.Cases;

/// <summary>What OpenCase is asked to open.</summary>
/// <param name="TotalInvestment">万元; 0 when the request's value could not be read (then <paramref name="Problems"/> says why).</param>
/// <param name="OwnerUnit">As named by the request; may be empty for a project the registry has announced.</param>
/// <param name="Problems">What could not be read from the request (total_investment), reported with the other bad fields.</param>
public sealed record OpenCaseCommand(
    string ProjectId, decimal TotalInvestment, bool GovernmentInvested, bool GreenChannel, string OwnerUnit, Violations Problems);

/// <summary>
/// Opens a project's case with the items its investment and funding require (one case per project). An owner may open
/// it only for a project the registry has told this service about and that it owns or answers for, so it cannot take
/// the one case of another owner's project; the DRC may open cases for projects not heard of yet.
/// </summary>
public sealed class OpenCase(ApprovalDbContext db, ApprovalRules rules, TimeProvider time)
{
    public async Task<LoadedCase> HandleAsync(OpenCaseCommand command, Caller caller, CancellationToken cancellationToken)
    {
        // The role gate comes first: a caller who may never open a case learns nothing from validation.
        caller.Require(ApprovalAccess.MayOpenCases(caller), "开立审批案件");
        var validation = new Violations();
        validation.Required("project_id", command.ProjectId);
        if (string.IsNullOrWhiteSpace(command.ProjectId))
        {
            validation.Required("owner_unit", command.OwnerUnit); // no project, so no registered owner unit to fall back on
        }

        validation.AddRange(command.Problems.Items);
        var investment = command.TotalInvestment;
        if (investment < 0)
        {
            validation.Add("total_investment", "不能为负数。");
        }

        validation.ThrowIfInvalid();
        var projectId = command.ProjectId.Trim();
        var route = await db.FindRouteAsync(projectId, cancellationToken);
        if (route is null && caller.Role == Roles.Owner)
        {
            throw DomainException.Precondition("PROJECT_NOT_KNOWN",
                $"审批服务尚未收到登记服务关于项目 {projectId} 的通知；请在项目登记后重试，或请发改委开立审批案件。");
        }

        caller.Require(ApprovalAccess.MayOpenCase(caller, route is null ? null : ProjectScope.Of(route)),
            $"开立项目 {projectId} 的审批案件");
        var ownerUnit = OwnerUnit(command.OwnerUnit.Trim(), route);

        if (await db.Cases.AnyAsync(c => c.ProjectId == projectId, cancellationToken))
        {
            throw DomainException.Precondition("CASE_ALREADY_OPEN", $"项目 {projectId} 已有审批案件。");
        }

        var opened = ApprovalCase.Open(projectId, investment, command.GovernmentInvested, command.GreenChannel, rules);
        var now = time.GetUtcNow();
        var record = new CaseRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            ProjectId = projectId,
            TotalInvestment = investment,
            GovernmentInvested = command.GovernmentInvested,
            GreenChannel = command.GreenChannel,
            OwnerUnit = ownerUnit,
            ExpertReviewRequired = opened.ExpertReviewRequired,
            PreliminaryDesignInPlaceOfFeasibility = opened.PreliminaryDesignInPlaceOfFeasibility,
            OpenedAtUnixMs = now.ToUnixTimeMilliseconds(),
            OpenedBy = caller.Subject,
        };
        record.Items.AddRange(opened.Requirements.Items.Select(r => CaseStore.NewItem(record.Id, r)));
        db.Cases.Add(record);
        await db.SaveCaseChangesAsync(cancellationToken);
        return CaseStore.Rebuild(record);
    }

    /// <summary>
    /// The registry's owner unit when the project is known (the request may leave owner_unit empty, and may not name
    /// another); the requested one otherwise (only the DRC or an admin gets here, and must name it).
    /// </summary>
    private static string OwnerUnit(string requested, ProjectRoute? route)
    {
        var validation = new Violations();
        if (route is null)
        {
            validation.Required("owner_unit", requested);
        }
        else if (requested.Length > 0 && requested != route.OwnerUnit)
        {
            validation.Add("owner_unit", $"须留空或填写项目登记的业主单位“{route.OwnerUnit}”。");
        }

        validation.ThrowIfInvalid();
        return route?.OwnerUnit ?? requested;
    }
}
