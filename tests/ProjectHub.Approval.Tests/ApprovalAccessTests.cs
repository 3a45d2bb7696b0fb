using ProjectHub.Approval.Access;
using ProjectHub.Approval.Cases;
using ProjectHub.Approval.Domain;
using ProjectHub.Approval.Persistence;
using ProjectHub.Hosting.Projects;
using ProjectHub.Security;

namespace ProjectHub.Approval.Tests;

/// <summary>The pure access rules, and that the list filter agrees with the single-case rule.</summary>
public sealed class ApprovalAccessTests
{
    private static readonly Department Transport = new("TRANSPORT", "交通局");

    private static CaseRecord Case(string ownerUnit, params Department[] departments)
    {
        var record = new CaseRecord { Id = Guid.NewGuid().ToString("N"), ProjectId = "P-" + Guid.NewGuid().ToString("N")[..8], OwnerUnit = ownerUnit };
        record.Items.Add(CaseStore.NewItem(record.Id, new RequiredItem(ApprovalItemKind.ConstructionPermit, "施工许可", departments, 3, 3)));
        return record;
    }

    [Theory]
    [InlineData(Roles.Admin, null, "HOUSING_CONSTRUCTION", true)]
    [InlineData(Roles.Drc, null, "DRC", true)]
    [InlineData(Roles.Drc, null, "HOUSING_CONSTRUCTION", false)]
    [InlineData(Roles.Department, "住建局", "HOUSING_CONSTRUCTION", true)]
    [InlineData(Roles.Department, "住建局", "DRC", false)]
    [InlineData(Roles.Department, "发改委", "DRC", true)]
    [InlineData(Roles.Department, "HOUSING_CONSTRUCTION", "HOUSING_CONSTRUCTION", false)] // units are names, not ids
    [InlineData(Roles.Owner, "住建局", "HOUSING_CONSTRUCTION", false)]
    [InlineData(Roles.Inspector, null, "HOUSING_CONSTRUCTION", false)]
    public void A_reviewer_acts_only_for_its_own_department(string role, string? unit, string departmentId, bool allowed)
    {
        var department = new[] { Department.Drc, Department.HousingAndConstruction }.Single(d => d.Id == departmentId);

        Assert.Equal(allowed, ApprovalAccess.MayReview(new Caller("someone", role, unit), department));
    }

    [Fact]
    public void Only_admin_may_name_a_department_that_is_not_on_the_item()
    {
        Assert.True(ApprovalAccess.MayReview(new Caller("op", Roles.Admin), null));
        Assert.False(ApprovalAccess.MayReview(new Caller("d", Roles.Department, "住建局"), null));
        Assert.False(ApprovalAccess.MayReview(new Caller("drc", Roles.Drc), null));
    }

    [Theory]
    [InlineData(Roles.Drc, null, new[] { true, true, true, true, true })]
    [InlineData(Roles.Inspector, null, new[] { true, true, true, true, true })]
    [InlineData(Roles.Owner, "市城投集团", new[] { true, false, false, false, false })] // case 5: the registry's owner wins
    [InlineData(Roles.Owner, "另一城投公司", new[] { false, true, true, true, true })]
    [InlineData(Roles.Owner, "高新区管委会", new[] { false, false, false, true, false })]
    [InlineData(Roles.Department, "住建局", new[] { true, false, true, true, false })]
    [InlineData(Roles.Department, "住建", new[] { false, false, false, false, false })]
    [InlineData(Roles.Department, "交\"通局", new[] { false, false, false, true, false })]
    [InlineData(Roles.Department, "交通局", new[] { false, true, false, false, true })]
    [InlineData(Roles.Leader, "张副市长", new[] { false, false, false, true, false })]
    [InlineData(Roles.Leader, "李副市长", new[] { false, false, false, false, true })]
    public void The_list_filter_and_the_single_case_rule_agree(string role, string? unit, bool[] expected)
    {
        var oddName = new Department("ODD", "交\"通局");
        CaseRecord[] cases =
        [
            Case("市城投集团", Department.HousingAndConstruction),
            Case("另一城投公司", Transport),
            Case("另一城投公司", Department.Drc, new Department("HC2", "住建局")),
            Case("另一城投公司", oddName, new Department("HC3", "住建局二处")),
            Case("市城投集团", Department.Drc),
        ];
        ProjectRoute[] routes =
        [
            Route(cases[3], "另一城投公司", "高新区管委会", "住建局", "张副市长"),
            Route(cases[4], "另一城投公司", "", "交通局", "李副市长"),
        ];
        var caller = new Caller("someone", role, unit);
        var filter = ApprovalAccess.ReadableBy(caller, routes.AsQueryable()).Compile();

        Assert.Equal(expected, cases.Select(filter).ToArray());
        Assert.Equal(expected, cases.Select(c => ApprovalAccess.MayRead(
            caller, ProjectScope.Of(c, routes.SingleOrDefault(r => r.ProjectId == c.ProjectId)), CaseStore.Rebuild(c).Departments)).ToArray());
    }

    [Theory]
    [InlineData(Roles.Owner, "市城投集团", true)]
    [InlineData(Roles.Owner, "高新区管委会", true)]
    [InlineData(Roles.Owner, "另一城投公司", false)]
    [InlineData(Roles.Drc, null, true)]
    [InlineData(Roles.Admin, null, true)]
    [InlineData(Roles.Leader, "张副市长", false)]
    [InlineData(Roles.Department, "住建局", false)]
    public void Opening_and_submitting_follow_the_registered_owner_and_responsible_unit(string role, string? unit, bool allowed)
    {
        var known = new ProjectScope("市城投集团", "高新区管委会", "住建局", "张副市长");
        var caller = new Caller("someone", role, unit);

        Assert.Equal(allowed, ApprovalAccess.MayOpenCase(caller, known));
        Assert.Equal(allowed && role != Roles.Drc, ApprovalAccess.MaySubmit(caller, known));
    }

    [Fact]
    public void An_owner_may_open_no_case_of_a_project_the_service_has_not_heard_of()
    {
        Assert.False(ApprovalAccess.MayOpenCase(new Caller("o", Roles.Owner, "市城投集团"), null));
        Assert.True(ApprovalAccess.MayOpenCase(new Caller("drc", Roles.Drc), null));
        Assert.True(ApprovalAccess.MaySubmit(new Caller("o", Roles.Owner, "市城投集团"), ProjectScope.Unknown("市城投集团")));
    }

    private static ProjectRoute Route(CaseRecord c, string owner, string responsible, string department, string leader) => new()
    {
        ProjectId = c.ProjectId, OwnerUnit = owner, ResponsibleUnit = responsible, IndustryDepartment = department, LeaderInCharge = leader,
    };
}
