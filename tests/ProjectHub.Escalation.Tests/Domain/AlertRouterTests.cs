using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Ladders;
using static ProjectHub.Escalation.Tests.Domain.Fixtures;

namespace ProjectHub.Escalation.Tests.Domain;

public class AlertRouterTests
{
    private static readonly RecipientDirectoryOptions Directory = new()
    {
        Departments =
        [
            new() { Id = "dept-housing", Name = "市住建局", Industries = ["HOUSING", "MUNICIPAL"] },
            new() { Id = "dept-transport", Name = "市交通局", Industries = ["TRANSPORT"] },
        ],
        Leaders =
        [
            new() { Id = "vm-wang", Name = "王副市长", TierId = "VICE_MAYOR", Industries = ["HOUSING"] },
            new() { Id = "vm-li", Name = "李副市长", TierId = "VICE_MAYOR", DepartmentIds = ["dept-transport"] },
            new() { Id = "evm-zhao", Name = "赵常务副市长", TierId = "EXECUTIVE_VICE_MAYOR" },
            new() { Id = "sec-gem", Name = "市政府办公室（常务会）", TierId = "GOVERNMENT_EXECUTIVE_MEETING" },
            new() { Id = "sec-sc", Name = "市委办公室（常委会）", TierId = "STANDING_COMMITTEE" },
        ],
        DrcRecipientIds = ["drc-desk"],
    };

    private static readonly AlertRouter Router = new(Directory);

    // A transport project that names neither its department nor its leader: both come from the directory.
    private static readonly ProjectRouting Transport = new("project-1", "TRANSPORT", "unit-resp", "unit-owner");

    private static readonly DateTimeOffset At = Shanghai(2026, 3, 2, 9);

    private static AlertTrigger Trigger(string name) => name switch
    {
        "arrived-1" => Arrived(0),
        "arrived-2" => Arrived(1),
        "arrived-3" => Arrived(2),
        "arrived-4" => Arrived(3),
        "arrived-5" => Arrived(4),
        "arrived-6" => Arrived(5),
        "red" => new ProjectTurnedRedTrigger(Transport, At),
        "yellow" => new ProjectTurnedYellowTrigger(Transport, At),
        "approval-overdue" => new ApprovalOverdueTrigger(Transport, At, "item-eia", "环评", "dept-eco", Day(2026, 3, 1)),
        "near-2" => new DeadlineApproachingTrigger(Transport, At, ProblemId, Ladder.Default.Tiers[1], Day(2026, 3, 3)),
        "near-3" => new DeadlineApproachingTrigger(Transport, At, ProblemId, Ladder.Default.Tiers[2], Day(2026, 3, 3)),
        "top-overdue" => new TopTierOverdueTrigger(Transport, At, ProblemId, Ladder.Default.Top, Day(2026, 2, 27), Day(2026, 3, 2)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static ProblemArrivedTrigger Arrived(int tier, ProjectRouting? project = null) =>
        new(project ?? Transport, At, ProblemId, Ladder.Default.Tiers[tier], Day(2026, 3, 5));

    [Theory]
    [InlineData("arrived-1", "unit-resp,unit-owner")]
    [InlineData("arrived-2", "dept-transport")]
    [InlineData("arrived-3", "vm-li")]
    [InlineData("arrived-4", "evm-zhao")]
    [InlineData("arrived-5", "sec-gem")]
    [InlineData("arrived-6", "sec-sc")]
    [InlineData("red", "unit-resp,dept-transport,vm-li")]
    [InlineData("yellow", "unit-resp,dept-transport")]
    [InlineData("approval-overdue", "dept-eco,unit-owner")]
    [InlineData("near-2", "dept-transport")]
    [InlineData("near-3", "vm-li")]
    [InlineData("top-overdue", "sec-sc,drc-desk")]
    public void Routing_table(string trigger, string expected) =>
        Assert.Equal(expected.Split(','), Router.RecipientsFor(Trigger(trigger)));

    [Fact]
    public void The_vice_mayor_is_found_by_industry_too()
    {
        var housing = new ProjectRouting("project-2", "housing", "unit-a", "unit-b");

        Assert.Equal(["vm-wang"], Router.RecipientsFor(Arrived(2, housing)));
        Assert.Equal(["unit-a", "dept-housing", "vm-wang"], Router.RecipientsFor(new ProjectTurnedRedTrigger(housing, At)));
    }

    [Fact]
    public void The_department_and_leader_named_on_the_project_win_over_the_directory()
    {
        var named = Transport with { IndustryDepartmentId = "dept-rail", LeaderInChargeId = "vm-chen" };

        Assert.Equal(["unit-resp", "dept-rail", "vm-chen"], Router.RecipientsFor(new ProjectTurnedRedTrigger(named, At)));
        Assert.Equal(["vm-chen"], Router.RecipientsFor(Arrived(2, named)));
    }

    [Fact]
    public void Recipients_are_deduplicated()
    {
        // The owner is its own responsible unit, and it also approves its own item.
        var selfOwned = Transport with { OwnerUnitId = "unit-resp" };

        Assert.Equal(["unit-resp"], Router.RecipientsFor(Arrived(0, selfOwned)));
        Assert.Equal(["unit-resp"], Router.RecipientsFor(new ApprovalOverdueTrigger(selfOwned, At, "item-1", "施工许可", "unit-resp", Day(2026, 3, 1))));
    }

    [Fact]
    public void An_alert_nobody_would_receive_goes_to_the_DRC()
    {
        var water = new ProjectRouting("project-3", "WATER", "unit-x", "unit-y");

        Assert.Equal(["drc-desk"], Router.RecipientsFor(Arrived(1, water)));
        Assert.Equal(["drc-desk"], Router.RecipientsFor(Arrived(2, water)));
    }

    [Fact]
    public void Alerts_carry_the_trigger_facts_one_per_recipient()
    {
        var alerts = Router.Route(Arrived(0));

        Assert.Equal(["unit-resp", "unit-owner"], alerts.Select(a => a.RecipientId));
        Assert.All(alerts, a =>
        {
            Assert.Equal((AlertKind.ProblemArrived, "PROBLEM_ARRIVED", "问题待协调"), (a.Kind, a.Code, a.Title));
            Assert.Equal(("project-1", (Guid?)ProblemId, At), (a.ProjectId, a.ProblemId, a.CreatedAt));
            Assert.Contains("项目责任单位/业主单位", a.Body, StringComparison.Ordinal);
            Assert.Contains("2026-03-05", a.Body, StringComparison.Ordinal);
        });
        Assert.Equal(2, alerts.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Project_alerts_have_no_problem_id()
    {
        var alert = Router.Route(Trigger("red"))[0];

        Assert.Equal(("PROJECT_RED", "项目红灯预警", (Guid?)null), (alert.Code, alert.Title, alert.ProblemId));
    }

    [Fact]
    public void A_redelivered_trigger_produces_identical_alerts()
    {
        var first = Router.Route(Trigger("red"));
        var redelivered = Router.Route(new ProjectTurnedRedTrigger(Transport, At));

        Assert.Equal(first, redelivered);
        Assert.Equal("PROJECT_RED/project-1/20260302T010000.0000000Z/vm-li", first[2].Id);
    }

    [Fact]
    public void Different_occurrences_get_different_ids()
    {
        var ids = new[]
        {
            Router.Route(Arrived(1))[0].Id,
            Router.Route(Arrived(2))[0].Id,
            Router.Route(new TopTierOverdueTrigger(Transport, At, ProblemId, Ladder.Default.Top, Day(2026, 2, 27), Day(2026, 3, 2)))[0].Id,
            Router.Route(new TopTierOverdueTrigger(Transport, At.AddDays(1), ProblemId, Ladder.Default.Top, Day(2026, 2, 27), Day(2026, 3, 3)))[0].Id,
            Router.Route(new ProjectTurnedRedTrigger(Transport, At.AddDays(7)))[0].Id,
            Router.Route(Trigger("red"))[0].Id,
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Short_ladder_top_tier_is_routed_by_its_id()
    {
        var arrived = new ProblemArrivedTrigger(Transport, At, ProblemId, Ladder.Short.Top, Day(2026, 3, 16));

        Assert.Equal(3, arrived.Tier.Index);
        Assert.Equal(["sec-sc"], Router.RecipientsFor(arrived));
    }
}
