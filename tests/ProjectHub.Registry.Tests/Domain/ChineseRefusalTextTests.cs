using System.Text.RegularExpressions;
using ProjectHub.Domain;
using ProjectHub.Registry.Domain;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Wire;
using ProjectHub.Wire;
using static ProjectHub.Registry.Tests.Domain.Dates;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Tests.Domain;

/// <summary>
/// The registry's refusals are read by DRC clerks and site staff, so every description is Chinese. Only what a client
/// matches on may stay Latin: quoted values, SCREAMING_CASE codes and wire enum names, snake_case field names.
/// </summary>
public partial class ChineseRefusalTextTests
{
    private static readonly DateOnly Today = D("2025-03-12"); // a Wednesday

    private static readonly ProjectSchedule Schedule = new(D("2025-01-08"), D("2025-12-31"), new Baseline(
    [
        new Milestone("桩基完成", D("2025-03-01"), 20m),
    ]));

    private static readonly string Long = new('x', 5000);

    [Fact]
    public void Every_refusal_people_read_is_Chinese()
    {
        var texts = new List<string>();
        var v = new Violations();

        // A report with every field wrong, in each of the ways a period, a milestone or a problem can be.
        var report = new ProgressReport
        {
            Period = new ReportPeriod(D("2025-03-04"), D("2025-03-10")),
            CumulativePercent = 120m,
            PeriodInvestment = 500m,
            CumulativeInvestment = 400m,
            Workers = ProgressReportValidator.MaxWorkers + 1,
            State = (ConstructionState)99,
            ReachedMilestones =
            [
                new MilestoneReached("Foundation", D("2025-03-01")),
                new MilestoneReached("桩基完成", D("2025-03-01")),
                new MilestoneReached("桩基完成", D("2025-04-01")),
            ],
            Narrative = Long + "\u0007",
            Problems = ["", Long],
        };
        texts.AddRange(Descriptions(ProgressReportValidator.Validate(report, Schedule, ReportCadence.Weekly, Today)));
        texts.AddRange(Descriptions(ProgressReportValidator.Validate(
            report with { Period = new ReportPeriod(D("2024-12-30"), D("2025-01-05")), CumulativeInvestment = -1m, PeriodInvestment = -1m, Workers = -1 },
            Schedule, ReportCadence.Weekly, Today)));
        texts.AddRange(Descriptions(ProgressReportValidator.Validate(
            report with { Period = new ReportPeriod(D("2025-03-17"), D("2025-03-23")), Problems = Enumerable.Repeat("问题", 51).ToList() },
            Schedule, ReportCadence.Weekly, Today)));
        texts.AddRange(Descriptions(ProgressReportValidator.Validate(
            report with { Period = new ReportPeriod(D("2025-03-04"), D("2025-03-10")) }, Schedule, ReportCadence.Monthly, Today)));
        texts.AddRange(Descriptions(ProgressReportValidator.Validate(
            report with { ReachedMilestones = Enumerable.Repeat(new MilestoneReached("桩基完成", Today), 101).ToList() },
            Schedule, ReportCadence.Weekly, Today)));

        // A project with every field wrong, and each way its national code and its baseline can be.
        var project = new ProjectDraft
        {
            NationalCode = "2020-330100-47-01-12345",
            Name = "",
            Tier = (ProjectTier)99,
            Industry = Long,
            Locality = "鼓楼\n区",
            TotalInvestment = -1m,
            YearPlannedInvestment = -1m,
            PlannedStart = D("2025-06-01"),
            PlannedCompletion = D("2025-01-01"),
            Baseline = new Baseline(
            [
                new Milestone("", D("2024-01-01"), 120m),
                new Milestone("Foundation", D("2027-01-01"), 50m),
                new Milestone("Foundation", D("2026-01-01"), 10m),
                new Milestone(Long, D("2026-01-01"), 10m),
            ]),
        };
        texts.AddRange(Descriptions(ProjectValidator.Validate(project, Today)));
        texts.AddRange(Descriptions(ProjectValidator.Validate(
            project with { Name = Long, TotalInvestment = 10m, YearPlannedInvestment = 20m, NationalCode = "2020 330100-47-01-123456" }, Today)));
        texts.AddRange(Descriptions(ProjectValidator.Validate(
            project with { Baseline = new Baseline(Enumerable.Repeat(new Milestone("开工", D("2025-06-01"), 0m), 101).ToList()) }, Today)));
        foreach (var code in new[] { "", "2020-330100-4A-01-123456", "1999-330100-47-01-123456" })
        {
            NationalProjectCode.TryParse(code, Today.Year, out _, out var problem);
            texts.Add(problem!);
        }

        // What the wire cannot read, and the shared required-value and text checks.
        ProjectWire.ToDraft(new V1.ProjectFields { TotalInvestment = new() { Value = "abc" }, PlannedStart = "2025/01/01" }, v);
        ReportWire.ToDomain(new V1.ProgressReport(), v);
        WireDate.ParseOptional("明天", "from_date", v);
        v.Require(" ", "reason", "变更理由");
        TextRules.Check(v, "reason", Long + "\u0001", 1000, multiLine: true);
        texts.AddRange(Descriptions(v.Items));
        texts.AddRange(Enum.GetValues<ProjectStage>().Select(RegistryTexts.Stage));
        texts.AddRange(Enum.GetValues<ProjectTier>().Select(RegistryTexts.Tier));

        Assert.True(texts.Count >= 60, $"only {texts.Count} texts were produced");
        foreach (var text in texts)
        {
            var rest = MachineParts().Replace(text, "");
            Assert.DoesNotMatch("[A-Za-z]{2,}", rest);
            Assert.Matches(@"[\u4e00-\u9fff]", text);
        }
    }

    private static IEnumerable<string> Descriptions(IEnumerable<FieldViolation> violations) => violations.Select(v => v.Description);

    // Quoted values (“…” or "…"), SCREAMING_CASE codes and wire enum names, the code format YYYY-RRRRRR-II-TT-NNNNNN,
    // snake_case field names and the API's method names: what clients match on, or what the person typed.
    [GeneratedRegex("“[^”]*”|\"[^\"]*\"|\\b[A-Z][A-Z0-9_-]+\\b|\\b[a-z]+(?:_[a-z]+)+\\b|\\b(?:ExitProject|ReplanProject)\\b")]
    private static partial Regex MachineParts();
}
