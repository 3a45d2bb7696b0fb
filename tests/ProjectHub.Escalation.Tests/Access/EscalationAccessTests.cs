using ProjectHub.Escalation.Access;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Escalation.Tests.Access;

/// <summary>The authorization rules as pure functions, without a host.</summary>
public sealed class EscalationAccessTests
{
    private static readonly string[] ProjectIds = ["p-1", "p-2", "p-unknown"];

    private static readonly ProjectRouting Project = new("p-1", "", "滨江新城指挥部", "城投集团", "住建局", "张副市长");
    private static readonly RecipientDirectoryOptions Directory = new() { DrcRecipientIds = ["drc"] };

    private static readonly Dictionary<string, Caller> Callers = new()
    {
        ["drc"] = TestTokens.Drc,
        ["admin"] = TestTokens.Admin,
        ["inspector"] = TestTokens.Inspector,
        ["owner"] = TestTokens.Owner("城投集团"),
        ["responsible"] = TestTokens.Owner("滨江新城指挥部"),
        ["other-owner"] = TestTokens.Owner("交投集团"),
        ["department"] = TestTokens.Department("住建局"),
        ["other-department"] = TestTokens.Department("交通局"),
        ["vice-mayor"] = TestTokens.Leader("张副市长", "VICE_MAYOR"),
        ["other-vice-mayor"] = TestTokens.Leader("李副市长", "VICE_MAYOR"),
        ["vice-mayor-without-tier"] = TestTokens.Leader("张副市长"),
        ["executive"] = TestTokens.Leader("王常务副市长", "EXECUTIVE_VICE_MAYOR"),
        ["meeting"] = TestTokens.Leader("市政府常务会", "government_executive_meeting"),
    };

    [Theory]
    [InlineData("RESPONSIBLE_UNIT", "drc admin owner responsible")]
    [InlineData("INDUSTRY_DEPARTMENT", "drc admin department")]
    [InlineData("VICE_MAYOR", "drc admin vice-mayor")]
    [InlineData("EXECUTIVE_VICE_MAYOR", "drc admin executive")]
    [InlineData("GOVERNMENT_EXECUTIVE_MEETING", "drc admin meeting")]
    [InlineData("STANDING_COMMITTEE", "drc admin")]
    public void Only_the_current_tiers_handlers_drc_and_admin_may_handle_a_problem(string tierId, string handlers)
    {
        var allowed = Callers.Where(c => EscalationAccess.MayHandle(c.Value, Project, tierId)).Select(c => c.Key);

        Assert.Equal(handlers.Split(' ').Order(), allowed.Order());
    }

    [Fact]
    public void A_project_never_heard_of_is_handled_at_the_unit_department_and_vice_mayor_tiers_by_drc_and_admin_only()
    {
        foreach (var tier in new[] { "RESPONSIBLE_UNIT", "INDUSTRY_DEPARTMENT", "VICE_MAYOR" })
        {
            var allowed = Callers.Where(c => EscalationAccess.MayHandle(c.Value, null, tier)).Select(c => c.Key);
            Assert.Equal(["admin", "drc"], allowed.Order());
        }
    }

    [Fact]
    public void Owners_of_the_project_drc_and_admin_raise_problems_and_nobody_but_drc_and_admin_for_an_unknown_project()
    {
        Assert.Equal(["admin", "drc", "owner", "responsible"], Callers.Where(c => EscalationAccess.MayRaise(c.Value, Project)).Select(c => c.Key).Order());
        Assert.Equal(["admin", "drc"], Callers.Where(c => EscalationAccess.MayRaise(c.Value, null)).Select(c => c.Key).Order());
    }

    [Fact]
    public void The_raiser_by_subject_drc_and_admin_may_reopen()
    {
        var raiser = TestTokens.Owner("城投集团", subject: "城投集团李工");

        Assert.True(EscalationAccess.MayReopen(raiser, "城投集团李工"));
        Assert.False(EscalationAccess.MayReopen(TestTokens.Owner("城投集团"), "城投集团李工"));
        Assert.True(EscalationAccess.MayReopen(TestTokens.Drc, "城投集团李工"));
        Assert.True(EscalationAccess.MayReopen(TestTokens.Admin, "城投集团李工"));
        Assert.False(EscalationAccess.MayReopen(TestTokens.Inspector, "城投集团李工"));
        Assert.False(EscalationAccess.MayReopen(new Caller("inspector", Roles.Inspector), "inspector"));
    }

    [Theory]
    [InlineData("城投集团", "admin inspector owner", "admin owner")]
    [InlineData("张副市长", "admin inspector vice-mayor vice-mayor-without-tier", "admin vice-mayor vice-mayor-without-tier")]
    [InlineData("drc", "admin drc inspector", "admin drc")]
    public void Alerts_are_read_by_their_recipient_inspector_and_admin_and_acknowledged_by_the_recipient_and_admin(
        string recipient, string readers, string acknowledgers)
    {
        Assert.Equal(readers.Split(' ').Order(),
            Callers.Where(c => EscalationAccess.MayReadAlertsOf(c.Value, recipient, Directory)).Select(c => c.Key).Order());
        Assert.Equal(acknowledgers.Split(' ').Order(),
            Callers.Where(c => EscalationAccess.MayAcknowledgeAlert(c.Value, recipient, Directory)).Select(c => c.Key).Order());
    }

    [Fact]
    public void The_list_filter_shows_exactly_the_problems_a_get_would()
    {
        var routes = new List<ProjectHub.Hosting.Projects.ProjectRoute>
        {
            new() { ProjectId = "p-1", OwnerUnit = "城投集团", ResponsibleUnit = "滨江新城指挥部", IndustryDepartment = "住建局", LeaderInCharge = "张副市长" },
            new() { ProjectId = "p-2", OwnerUnit = "交投集团", ResponsibleUnit = "交投集团", IndustryDepartment = "交通局", LeaderInCharge = "李副市长" },
        };
        var problems = (from project in ProjectIds
                        from tier in Ladder.Default.Tiers
                        select new ProblemRow { Id = Guid.NewGuid(), ProjectId = project, TierId = tier.Id }).ToList();

        foreach (var (name, caller) in Callers)
        {
            var visible = problems.AsQueryable().Where(EscalationAccess.VisibleProblems(caller, routes.AsQueryable(), Ladder.Default)).ToList();
            foreach (var problem in problems)
            {
                var route = routes.FirstOrDefault(r => r.ProjectId == problem.ProjectId);
                var project = route is null
                    ? null
                    : new ProjectRouting(route.ProjectId, "", route.ResponsibleUnit, route.OwnerUnit, route.IndustryDepartment, route.LeaderInCharge);
                Assert.True(
                    EscalationAccess.MayReadProblem(caller, project, problem.TierId) == visible.Contains(problem),
                    $"{name} on {problem.ProjectId} at {problem.TierId}");
            }
        }
    }
}
