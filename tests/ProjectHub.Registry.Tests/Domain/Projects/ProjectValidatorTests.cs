using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Tests.Domain.Dates;

namespace ProjectHub.Registry.Tests.Domain.Projects;

public class ProjectValidatorTests
{
    private static readonly DateOnly Today = D("2025-03-10");

    private static readonly ProjectDraft Valid = new()
    {
        NationalCode = "2024-350102-48-01-000123",
        Name = "滨江大道改造工程",
        Tier = ProjectTier.MunicipalMajor,
        Industry = "交通",
        Locality = "鼓楼区",
        OwnerUnit = "市城投集团",
        ResponsibleUnit = "市交通局",
        IndustryDepartment = "市交通局",
        LeaderInCharge = "分管副市长",
        ResponsiblePerson = "王工",
        ResponsibleContact = "0591-12345678",
        TotalInvestment = 52000.5m,
        YearPlannedInvestment = 18000m,
        PlannedStart = D("2025-01-01"),
        PlannedCompletion = D("2026-12-31"),
        Baseline = new Baseline(
        [
            new Milestone("开工", D("2025-01-01"), 0m),
            new Milestone("主体结顶", D("2026-03-01"), 70m),
            new Milestone("竣工验收", D("2026-12-31"), 100m),
        ]),
    };

    private static List<string> Fields(ProjectDraft draft) =>
        ProjectValidator.Validate(draft, Today).Select(v => v.Field).ToList();

    [Fact]
    public void A_complete_draft_is_valid() => Assert.Empty(ProjectValidator.Validate(Valid, Today));

    [Fact]
    public void The_national_code_is_optional() =>
        Assert.Empty(Fields(Valid with { NationalCode = null }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_is_required(string name) => Assert.Equal(["name"], Fields(Valid with { Name = name }));

    [Fact]
    public void Name_may_have_200_characters_but_not_201()
    {
        Assert.Empty(Fields(Valid with { Name = new string('路', 200) }));
        var violation = Assert.Single(ProjectValidator.Validate(Valid with { Name = new string('路', 201) }, Today));
        Assert.Equal("name", violation.Field);
        Assert.Contains("201", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_refused_in_text_fields()
    {
        Assert.Equal(["name", "owner_unit"], Fields(Valid with { Name = "滨江\t大道", OwnerUnit = "市城投\n集团" }));
    }

    [Fact]
    public void Investment_must_not_be_negative()
    {
        Assert.Equal(["total_investment"], Fields(Valid with { TotalInvestment = -0.01m, YearPlannedInvestment = 0m }));
        Assert.Equal(["year_planned_investment"], Fields(Valid with { YearPlannedInvestment = -1m }));
    }

    [Fact]
    public void This_years_plan_must_not_exceed_the_total()
    {
        Assert.Empty(Fields(Valid with { YearPlannedInvestment = 52000.5m }));
        Assert.Equal(["year_planned_investment"], Fields(Valid with { YearPlannedInvestment = 52000.51m }));
    }

    [Fact]
    public void Planned_completion_must_not_precede_the_start()
    {
        var draft = Valid with { PlannedStart = D("2025-06-01"), PlannedCompletion = D("2025-05-31"), Baseline = Baseline.Empty };
        Assert.Equal(["planned_completion"], Fields(draft));
    }

    [Fact]
    public void Milestones_out_of_order_are_reported_by_path()
    {
        var draft = Valid with
        {
            Baseline = new Baseline(
            [
                new Milestone("开工", D("2025-01-01"), 0m),
                new Milestone("主体结顶", D("2026-03-01"), 70m),
                new Milestone("竣工验收", D("2026-02-01"), 100m),
            ]),
        };
        Assert.Equal(["baseline.milestones[2].planned_date"], Fields(draft));
    }

    [Fact]
    public void A_bad_national_code_is_reported_with_its_reason()
    {
        var violation = Assert.Single(ProjectValidator.Validate(Valid with { NationalCode = "2026-350102-48-01-000123" }, Today));
        Assert.Equal("national_code", violation.Field);
        Assert.Contains("2026", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_tier_is_refused() =>
        Assert.Equal(["tier"], Fields(Valid with { Tier = (ProjectTier)99 }));
}
