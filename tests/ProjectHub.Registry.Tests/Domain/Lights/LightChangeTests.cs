using ProjectHub.Registry.Domain.Lights;
using static ProjectHub.Registry.Domain.Lights.LightReasonCodes;

namespace ProjectHub.Registry.Tests.Domain.Lights;

public class LightChangeTests
{
    private static LightAssessment Assessed(Light light, params LightReason[] reasons) => new(light, reasons, 40m, 30m);

    [Fact]
    public void A_different_light_is_recorded_and_published()
    {
        var change = LightChange.Between(Light.Yellow, [new LightReason(LagYellow, Light.Yellow, "10 behind")],
            Assessed(Light.Red, new LightReason(LagRed, Light.Red, "31 behind")));
        Assert.Equal(LightChangeKind.LightChanged, change.Kind);
        Assert.True(change.ShouldRecord);
        Assert.True(change.ShouldPublish);
    }

    [Fact]
    public void The_first_assessment_of_a_project_is_a_change()
    {
        var change = LightChange.Between(Light.None, [], Assessed(Light.Green));
        Assert.True(change.ShouldPublish);
    }

    [Fact]
    public void Same_reasons_with_new_day_counts_is_no_change()
    {
        var change = LightChange.Between(Light.Red, [new LightReason(NoReportRed, Light.Red, "No report for 22 days")],
            Assessed(Light.Red, new LightReason(NoReportRed, Light.Red, "No report for 23 days")));
        Assert.Equal(LightChangeKind.None, change.Kind);
        Assert.False(change.ShouldRecord);
        Assert.False(change.ShouldPublish);
    }

    [Fact]
    public void Same_light_for_another_reason_is_recorded_but_not_published()
    {
        var change = LightChange.Between(Light.Red, [new LightReason(LagRed, Light.Red, "lag")],
            Assessed(Light.Red, new LightReason(SuspendedRed, Light.Red, "suspended")));
        Assert.Equal(LightChangeKind.ReasonsChanged, change.Kind);
        Assert.True(change.ShouldRecord);
        Assert.False(change.ShouldPublish);
    }

    [Fact]
    public void Another_milestone_overdue_is_another_reason()
    {
        var change = LightChange.Between(Light.Yellow,
            [new LightReason(MilestoneOverdueYellow, Light.Yellow, "A overdue", "A")],
            Assessed(Light.Yellow, new LightReason(MilestoneOverdueYellow, Light.Yellow, "B overdue", "B")));
        Assert.Equal(LightChangeKind.ReasonsChanged, change.Kind);
    }
}
