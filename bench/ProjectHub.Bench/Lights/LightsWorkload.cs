using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Bench.Lights;

/// <summary>
/// A deterministic population of projects shaped like the registry's: mostly under construction with a
/// four-milestone baseline and weekly reports, some lagging, some silent, some suspended, some not started,
/// some with open approvals. Seeded, so every run evaluates the same inputs.
/// </summary>
public static class LightsWorkload
{
    public static readonly DateOnly Today = new(2026, 11, 20);

    public static LightInputs[] Create(int count)
    {
        var random = new Random(20261120);
        var inputs = new LightInputs[count];
        for (var i = 0; i < count; i++)
        {
            var start = Today.AddDays(-random.Next(30, 900));
            var completion = start.AddDays(random.Next(400, 1500));
            var span = completion.DayNumber - start.DayNumber;
            var milestones = new List<Milestone>
            {
                new("开工", start.AddDays(span / 10), 5m),
                new("主体施工", start.AddDays(span * 4 / 10), 40m),
                new("主体封顶", start.AddDays(span * 7 / 10), 75m),
                new("竣工验收", completion, 100m),
            };
            var schedule = new ProjectSchedule(start, completion, new Baseline(milestones));
            var stage = random.Next(10) switch
            {
                0 => ProjectStage.PreConstruction,
                1 => ProjectStage.Reserve,
                _ => ProjectStage.UnderConstruction,
            };
            var planned = schedule.PlannedPercentOn(Today);
            // One in ten lags badly or has gone quiet; the rest are near plan and report weekly.
            var reported = Math.Clamp(planned - (random.Next(10) == 0 ? random.Next(30, 50) : random.Next(-5, 12)), 0m, 100m);
            var silentDays = random.Next(10) == 0 ? random.Next(8, 40) : random.Next(0, 7);
            inputs[i] = new LightInputs
            {
                Stage = stage,
                Schedule = schedule,
                RegisteredOn = start.AddDays(-60),
                ActualStart = stage == ProjectStage.UnderConstruction ? start.AddDays(random.Next(0, 20)) : null,
                LastReportOn = stage == ProjectStage.UnderConstruction ? Today.AddDays(-silentDays) : null,
                ReportedPercent = stage == ProjectStage.UnderConstruction ? reported : null,
                SuspendedSince = random.Next(20) == 0 ? Today.AddDays(-random.Next(1, 30)) : null,
                ReachedMilestones = milestones.Where(m => m.CumulativePercent <= reported).Select(m => m.Name).ToArray(),
                OpenApprovals = random.Next(8) == 0 ? [new ApprovalDue("施工许可", Today.AddDays(random.Next(-20, 20)))] : [],
            };
        }

        return inputs;
    }
}
