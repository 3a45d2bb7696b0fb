using ProjectHub.BadInput.Tests.Fuzzing;
using ProjectHub.BadInput.Tests.Hosting;
using ApprovalV1 = ProjectHub.Approval.V1;
using EscalationV1 = ProjectHub.Escalation.V1;
using RegistryV1 = ProjectHub.Registry.V1;
using TypeV1 = ProjectHub.Type.V1;

namespace ProjectHub.BadInput.Tests;

/// <summary>
/// SQL and script fragments are legitimate text: stored as sent and read back identically by a later read, not
/// just echoed by the write, and they do nothing to the database.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class VerbatimTests(ServicesFixture services)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Fragments => new(HostileValue.Sql, HostileValue.Script, "项目'); DELETE FROM alerts; --<img src=x onerror=alert(1)>");

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task A_project_name_reads_back_identically(string fragment)
    {
        var registered = await services.Registry.RegisterProjectAsync(new RegistryV1.RegisterProjectRequest
        {
            Project = ServicesFixture.ProjectFields(fragment + Guid.NewGuid().ToString("N")[..6]),
            Stage = RegistryV1.ProjectStage.UnderConstruction,
        }, ServicesFixture.Admin(Timeout));

        var read = await services.Registry.GetProjectAsync(new RegistryV1.GetProjectRequest { ProjectId = registered.Id }, ServicesFixture.Admin(Timeout));
        var listed = await services.Registry.ListProjectsAsync(new RegistryV1.ListProjectsRequest { NameContains = fragment, PageSize = 100 },
            ServicesFixture.Admin(Timeout));

        Assert.Equal(registered.Fields.Name, read.Fields.Name);
        Assert.StartsWith(fragment, read.Fields.Name, StringComparison.Ordinal);
        Assert.Contains(listed.Projects, p => p.Id == registered.Id && p.Fields.Name == read.Fields.Name);
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task A_problem_description_reads_back_identically(string fragment)
    {
        var raised = await services.Escalation.RaiseProblemAsync(new EscalationV1.RaiseProblemRequest
        {
            ProjectId = services.ProjectId, Category = EscalationV1.ProblemCategory.Other, Description = fragment,
        }, ServicesFixture.Admin(Timeout));

        var read = await services.Escalation.GetProblemAsync(new EscalationV1.GetProblemRequest { ProblemId = raised.Id }, ServicesFixture.Admin(Timeout));

        Assert.Equal(fragment, read.Description);
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task An_owner_unit_reads_back_identically(string fragment)
    {
        var opened = await services.Approvals.OpenCaseAsync(new ApprovalV1.OpenCaseRequest
        {
            ProjectId = "P-VERBATIM-" + Guid.NewGuid().ToString("N")[..8],
            TotalInvestment = new TypeV1.Decimal { Value = "5000" },
            OwnerUnit = fragment,
        }, ServicesFixture.Admin(Timeout));

        var read = await services.Approvals.GetCaseAsync(new ApprovalV1.GetCaseRequest { CaseId = opened.CaseId }, ServicesFixture.Admin(Timeout));

        Assert.Equal(fragment, read.OwnerUnit);
    }
}
