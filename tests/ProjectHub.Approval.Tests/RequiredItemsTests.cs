using ProjectHub.Approval.Domain;
using ProjectHub.Domain;

namespace ProjectHub.Approval.Tests;

public class RequiredItemsTests
{
    private static readonly ApprovalItemKind[] All = Enum.GetValues<ApprovalItemKind>();

    private static readonly ApprovalItemKind[] WithoutFeasibility =
        All.Where(k => k != ApprovalItemKind.FeasibilityStudy).ToArray();

    private static readonly ApprovalItemKind[] WithoutBoth =
        WithoutFeasibility.Where(k => k != ApprovalItemKind.PreliminaryDesign).ToArray();

    public static TheoryData<decimal, ApprovalItemKind[], bool, bool> GovernmentBoundaries() => new()
    {
        // investment, required items, expert review, preliminary design in place of feasibility (代可研)
        { 3000.01m, All, true, false },
        { 3000m, WithoutFeasibility, true, true },
        { 1000.01m, WithoutFeasibility, true, true },
        { 1000m, WithoutFeasibility, false, true },
        { 400.01m, WithoutFeasibility, false, true },
        { 400m, WithoutBoth, false, false },
        { 0m, WithoutBoth, false, false },
    };

    [Theory]
    [MemberData(nameof(GovernmentBoundaries))]
    public void Government_invested_thresholds(decimal investment, ApprovalItemKind[] expected, bool expertReview, bool designForFeasibility)
    {
        var result = ApprovalRequirements.Determine(investment, governmentInvested: true, greenChannel: false, ApprovalRules.Default);

        Assert.Equal(expected, result.Items.Select(i => i.Kind));
        Assert.Equal(expertReview, result.ExpertReviewRequired);
        Assert.Equal(designForFeasibility, result.PreliminaryDesignInPlaceOfFeasibility);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(400)]
    [InlineData(1000)]
    [InlineData(3000)]
    [InlineData(50000)]
    public void Thresholds_do_not_apply_to_other_projects(decimal investment)
    {
        var result = ApprovalRequirements.Determine(investment, governmentInvested: false, greenChannel: false, ApprovalRules.Default);

        Assert.Equal(All, result.Items.Select(i => i.Kind));
        Assert.True(result.ExpertReviewRequired);
        Assert.False(result.PreliminaryDesignInPlaceOfFeasibility);
    }

    [Fact]
    public void Items_carry_departments_and_limits_from_the_rules()
    {
        var result = ApprovalRequirements.Determine(5000m, true, false, ApprovalRules.Default);
        var design = result.Items.Single(i => i.Kind == ApprovalItemKind.PreliminaryDesign);
        var permit = result.Items.Single(i => i.Kind == ApprovalItemKind.ConstructionPermit);

        Assert.True(design.IsJointReview);
        Assert.Equal(3, design.Departments.Count);
        Assert.Equal(10, design.TimeLimitWorkingDays);
        Assert.False(permit.IsJointReview);
        Assert.Equal("HOUSING_CONSTRUCTION", permit.Departments.Single().Id);
        Assert.Equal("住建局", permit.Departments.Single().Name);
        Assert.Equal(3, permit.TimeLimitWorkingDays);
    }

    [Theory]
    [InlineData(ApprovalItemKind.ProjectProposal, 5, 3)]
    [InlineData(ApprovalItemKind.PreliminaryDesign, 10, 5)]
    [InlineData(ApprovalItemKind.ConstructionPermit, 3, 2)]
    public void Green_channel_halves_limits_rounding_up(ApprovalItemKind kind, int baseLimit, int greenLimit)
    {
        var item = ApprovalRequirements.Determine(5000m, true, greenChannel: true, ApprovalRules.Default)
            .Items.Single(i => i.Kind == kind);

        Assert.Equal(baseLimit, item.BaseTimeLimitWorkingDays);
        Assert.Equal(greenLimit, item.TimeLimitWorkingDays);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    [InlineData(10, 5)]
    [InlineData(15, 8)]
    public void Halving(int limit, int expected)
    {
        Assert.Equal(expected, GreenChannel.Halve(limit));
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var rules = ApprovalRules.Default with
        {
            Thresholds = InvestmentThresholds.Default with { NoFeasibilityOrDesign = 500m },
        };

        var result = ApprovalRequirements.Determine(450m, true, false, rules);

        Assert.False(result.Requires(ApprovalItemKind.PreliminaryDesign));
        Assert.True(ApprovalRequirements.Determine(450m, true, false, ApprovalRules.Default).Requires(ApprovalItemKind.PreliminaryDesign));
    }

    [Fact]
    public void Negative_investment_is_refused()
    {
        var error = Fixtures.Refused(() => ApprovalRequirements.Determine(-0.01m, true, false, ApprovalRules.Default));

        Assert.Equal(DomainException.ReasonOf(ApprovalErrorReason.InvalidInvestment), error.Reason);
        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
    }
}
