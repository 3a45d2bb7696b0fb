using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;
using static ProjectHub.Registry.Domain.Lights.LightReasonCodes;
using static ProjectHub.Registry.Tests.Domain.Dates;
using static ProjectHub.Registry.Tests.Domain.Lights.LightInputsBuilder;

namespace ProjectHub.Registry.Tests.Domain.Lights;

public class LightEvaluatorTests
{
    private static readonly DateOnly Today = D("2025-03-01"); // planned 40 % on this day

    private static LightAssessment Evaluate(LightInputs inputs, DateOnly? today = null) =>
        LightEvaluator.Evaluate(inputs, LightRules.Default, today ?? Today);

    private static List<string> Codes(LightAssessment assessment) =>
        assessment.Reasons.Select(r => r.Code).ToList();

    private static string[] Expected(string? code) => code is null ? [] : [code];

    [Fact]
    public void On_track_is_green_with_no_reasons()
    {
        var assessment = Evaluate(OnTrack(Today));
        Assert.Equal(Light.Green, assessment.Light);
        Assert.Empty(assessment.Reasons);
        Assert.Equal(40m, assessment.PlannedPercent);
        Assert.Equal(40m, assessment.ActualPercent);
    }

    [Fact]
    public void Every_reason_people_read_is_Chinese_and_its_code_stays_a_machine_code()
    {
        // Every rule at once, in its red and its yellow form: lag, no report, suspended, milestone, start and approval.
        var redInputs = OnTrack(Today) with
        {
            ReportedPercent = 5m, LastReportOn = Today.AddDays(-30), SuspendedSince = Today.AddDays(-20), ReachedMilestones = [],
            OpenApprovals = [new ApprovalDue("环评", Today.AddDays(-3))],
        };
        var yellowInputs = OnTrack(Today) with { ReportedPercent = 25m, LastReportOn = Today.AddDays(-9), SuspendedSince = Today.AddDays(-2) };
        var notStarted = OnTrack(Today) with { ActualStart = null, Stage = ProjectStage.PreConstruction };
        var reasons = new[] { redInputs, yellowInputs, notStarted }
            .SelectMany(i => Evaluate(i).Reasons.Concat(Evaluate(i, Today.AddDays(40)).Reasons)).ToList();

        Assert.True(reasons.Select(r => r.Code).Distinct().Count() >= 10, string.Join(", ", reasons.Select(r => r.Code).Distinct()));
        foreach (var reason in reasons)
        {
            // The only Latin letters left are the test baseline's milestone name ("Foundation").
            var text = reason.Message.Replace("Foundation", "", StringComparison.Ordinal);
            Assert.DoesNotMatch("[A-Za-z]", text);
            Assert.Matches("[红黄]灯", text);
            Assert.Matches("^[A-Z_]+$", reason.Code);
        }
    }

    // ---- lag: yellow at ≥ 10 points, red above 30 ----

    [Theory]
    [InlineData(30.01, "GREEN", null)]        // 9.99 behind
    [InlineData(30, "YELLOW", LagYellow)]     // exactly 10 behind
    [InlineData(10, "YELLOW", LagYellow)]     // exactly 30 behind
    [InlineData(9.99, "RED", LagRed)]         // 30.01 behind
    public void Lag_boundaries(double actual, string light, string? code)
    {
        var assessment = Evaluate(OnTrack(Today) with { ReportedPercent = (decimal)actual });
        Assert.Equal(Enum.Parse<Light>(light, ignoreCase: true), assessment.Light);
        Assert.Equal(Expected(code), Codes(assessment));
    }

    [Fact]
    public void Lag_sentence_gives_the_lag_and_planned_versus_actual()
    {
        var reason = Assert.Single(Evaluate(OnTrack(Today) with { ReportedPercent = 9.99m }).Reasons);
        Assert.Contains("滞后计划 30.01 个百分点", reason.Message, StringComparison.Ordinal);
        Assert.Contains("计划 40.00%，实际 9.99%", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_report_there_is_no_lag_reason()
    {
        // Registered yesterday, never reported: planned is 40 % but nobody has reported an actual yet.
        var inputs = OnTrack(Today) with { RegisteredOn = Today.AddDays(-1), LastReportOn = null, ReportedPercent = null };
        var assessment = Evaluate(inputs);
        Assert.Equal(Light.Green, assessment.Light);
        Assert.Null(assessment.ActualPercent);
    }

    // ---- no report: yellow above 7 days, red above 21 ----

    [Theory]
    [InlineData(7, null)]
    [InlineData(8, NoReportYellow)]
    [InlineData(21, NoReportYellow)]
    [InlineData(22, NoReportRed)]
    public void Days_without_report_boundaries(int days, string? code)
    {
        var assessment = Evaluate(OnTrack(Today) with { LastReportOn = Today.AddDays(-days) });
        Assert.Equal(Expected(code), Codes(assessment));
        if (code is not null)
        {
            Assert.Contains($"自上次报送（{Today.AddDays(-days):yyyy-MM-dd}）起 {days} 天未报送进度", assessment.Reasons[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Never_reported_counts_from_registration_when_it_is_after_the_planned_start()
    {
        // Planned start 2025-01-01, registered 2025-02-21: 8 days to 2025-03-01, so yellow, not red.
        var inputs = OnTrack(Today) with { RegisteredOn = D("2025-02-21"), LastReportOn = null, ReportedPercent = null };
        var reason = Assert.Single(Evaluate(inputs).Reasons);
        Assert.Equal(NoReportYellow, reason.Code);
        Assert.Contains("自 2025-02-21（计划开工与登记日期中较晚者）起 8 天从未报送进度", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_reported_counts_from_the_planned_start_when_registered_earlier()
    {
        // Registered 2024-12-01, planned start 2025-01-01: 59 days to 2025-03-01.
        var inputs = OnTrack(Today) with { LastReportOn = null, ReportedPercent = null };
        var reason = Assert.Single(Evaluate(inputs).Reasons);
        Assert.Equal(NoReportRed, reason.Code);
        Assert.Contains("自 2025-01-01（计划开工与登记日期中较晚者）起 59 天从未报送进度", reason.Message, StringComparison.Ordinal);
    }

    // ---- suspended: any suspension yellow, above 14 days red ----

    [Theory]
    [InlineData(0, SuspendedYellow)]
    [InlineData(14, SuspendedYellow)]
    [InlineData(15, SuspendedRed)]
    public void Suspension_boundaries(int days, string code)
    {
        var assessment = Evaluate(OnTrack(Today) with { SuspendedSince = Today.AddDays(-days) });
        Assert.Equal([code], Codes(assessment));
        Assert.Contains($"已停工 {days} 天", assessment.Reasons[0].Message, StringComparison.Ordinal);
    }

    // ---- milestone overdue: 1–30 days yellow, above 30 red ----

    [Theory]
    [InlineData("2025-03-01", 0, null)]
    [InlineData("2025-03-02", 1, MilestoneOverdueYellow)]
    [InlineData("2025-03-31", 30, MilestoneOverdueYellow)]
    [InlineData("2025-04-01", 31, MilestoneOverdueRed)]
    public void Milestone_overdue_boundaries(string day, int overdue, string? code)
    {
        var today = D(day);
        var inputs = OnTrack(today) with { ReachedMilestones = [] }; // "Foundation" due 2025-03-01, not reached
        var assessment = Evaluate(inputs, today);
        Assert.Equal(Expected(code), Codes(assessment));
        if (code is not null)
        {
            Assert.Equal("Foundation", assessment.Reasons[0].Subject);
            Assert.Contains($"已逾期 {overdue} 天未完成", assessment.Reasons[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_reached_milestone_is_never_overdue()
    {
        var today = D("2025-07-01");
        Assert.Equal(Light.Green, Evaluate(OnTrack(today), today).Light);
    }

    // ---- not started: yellow once the start has passed, red after 3 calendar months ----

    [Theory]
    [InlineData("2025-01-31", null)]                 // the start day itself has not passed
    [InlineData("2025-02-01", StartPassedYellow)]
    [InlineData("2025-04-30", StartPassedYellow)]    // Jan 31 + 3 months = Apr 30 (clamped): still yellow
    [InlineData("2025-05-01", NotStartedRed)]        // 3 months + 1 day
    public void Not_started_boundaries_with_a_month_end_start(string day, string? code)
    {
        var inputs = new LightInputs
        {
            Stage = ProjectStage.PreConstruction,
            Schedule = new ProjectSchedule(D("2025-01-31"), D("2026-12-31"), Baseline.Empty),
            RegisteredOn = D("2025-01-01"),
        };
        Assert.Equal(Expected(code), Codes(Evaluate(inputs, D(day))));
    }

    [Fact]
    public void Not_started_red_names_the_day_it_turned_red()
    {
        var inputs = OnTrack(Today) with { ActualStart = null };
        var reason = Assert.Single(Evaluate(inputs, D("2025-04-02")).Reasons, r => r.Code == NotStartedRed);
        Assert.Contains("（2025-04-01 之后）", reason.Message, StringComparison.Ordinal);
        Assert.Contains("计划开工日期 2025-01-01 已过 91 天", reason.Message, StringComparison.Ordinal);
    }

    // ---- approvals ----

    [Fact]
    public void An_approval_past_its_time_limit_is_yellow_from_the_day_after_the_due_date()
    {
        var dueToday = OnTrack(Today) with { OpenApprovals = [new ApprovalDue("环评", Today)] };
        Assert.Equal(Light.Green, Evaluate(dueToday).Light);

        var dueYesterday = OnTrack(Today) with { OpenApprovals = [new ApprovalDue("环评", Today.AddDays(-1))] };
        var reason = Assert.Single(Evaluate(dueYesterday).Reasons);
        Assert.Equal((ApprovalOverdueYellow, Light.Yellow, "环评"), (reason.Code, reason.Light, reason.Subject));
        Assert.Contains("已超过办理时限 1 天", reason.Message, StringComparison.Ordinal);
    }

    // ---- stages ----

    [Fact]
    public void Pre_construction_applies_only_the_start_rules()
    {
        // Behind plan, never reported, suspended, milestones overdue: none of that counts before construction.
        var inputs = new LightInputs
        {
            Stage = ProjectStage.PreConstruction,
            Schedule = Schedule,
            RegisteredOn = D("2024-06-01"),
            ReportedPercent = 0m,
            SuspendedSince = D("2025-01-01"),
            OpenApprovals = [new ApprovalDue("施工许可", D("2025-02-01"))],
        };
        var assessment = Evaluate(inputs, D("2025-03-01"));
        Assert.Equal(Light.Yellow, assessment.Light);
        Assert.Equal([StartPassedYellow, ApprovalOverdueYellow], Codes(assessment));
    }

    [Theory]
    [InlineData(ProjectStage.Reserve)]
    [InlineData(ProjectStage.Completed)]
    [InlineData(ProjectStage.Exited)]
    public void Stages_without_a_light(ProjectStage stage)
    {
        var hopeless = OnTrack(Today) with
        {
            Stage = stage, ActualStart = null, LastReportOn = null, ReportedPercent = 0m, SuspendedSince = D("2024-01-01"),
        };
        var assessment = Evaluate(hopeless, D("2025-09-01"));
        Assert.Equal(Light.None, assessment.Light);
        Assert.Empty(assessment.Reasons);
    }

    [Fact]
    public void Under_construction_collects_every_reason_and_shows_the_worst_first()
    {
        var inputs = OnTrack(Today) with
        {
            ReportedPercent = 25m,                      // 15 behind: yellow
            LastReportOn = Today.AddDays(-22),          // red
            SuspendedSince = Today.AddDays(-3),         // yellow
            OpenApprovals = [new ApprovalDue("环评", D("2025-02-01"))],
        };
        var assessment = Evaluate(inputs);
        Assert.Equal(Light.Red, assessment.Light);
        Assert.Equal([NoReportRed, ApprovalOverdueYellow, LagYellow, SuspendedYellow], Codes(assessment));
    }

    [Fact]
    public void Thresholds_come_from_the_rules()
    {
        var strict = new LightRules { LagYellowAtLeastPoints = 5m, NoReportYellowAboveDays = 3 };
        var inputs = OnTrack(Today) with { ReportedPercent = 35m, LastReportOn = Today.AddDays(-4) };
        Assert.Equal([LagYellow, NoReportYellow], Codes(LightEvaluator.Evaluate(inputs, strict, Today)));
        Assert.Empty(Codes(LightEvaluator.Evaluate(inputs, LightRules.Default, Today)));
    }
}
