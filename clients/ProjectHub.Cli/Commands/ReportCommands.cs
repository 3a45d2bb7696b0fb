using System.CommandLine;
using System.Globalization;
using ProjectHub.Cli.Output;
using ProjectHub.Registry.V1;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>report submit|list: the owners' weekly progress report (周报).</summary>
internal static class ReportCommands
{
    public static Command Build(Runner runner)
    {
        var report = new Command("report", "weekly progress reports (周报): submit one, list a project's");
        report.Add(Submit(runner));
        report.Add(List(runner));
        return report;
    }

    private static Command Submit(Runner runner)
    {
        var file = Opt.Text("--file", "a ProgressReport in protobuf JSON (\"-\" for stdin), for scripts; enums by their full proto name " +
            "(\"state\": \"CONSTRUCTION_STATE_SLOWED\"); flags given as well override it");
        var project = Opt.Text("--project", "project id");
        var week = Opt.Text("--week", "Monday of the reported week, YYYY-MM-DD (default: this week's Monday)");
        var percent = Opt.Text("--percent", "cumulative physical progress (形象进度), percent complete of the whole project, e.g. 42.5");
        var periodInvestment = Opt.Text("--period-investment", "investment completed this week, 万元");
        var cumulativeInvestment = Opt.Text("--cumulative-investment", "investment completed so far, 万元");
        var workers = Opt.Int("--workers", "people on site");
        var state = Opt.Text("--state", "normal | slowed | suspended | not_started");
        var narrative = Opt.Text("--narrative", "what happened this week");
        var problems = Opt.Many("--problem", "a problem met this week; repeat for each");
        var reached = Opt.Many("--reached", "milestone reached: name@YYYY-MM-DD; repeat for each. Replacing a week's report keeps the " +
            "milestones its earlier version reached; list one again only to correct its date");
        var withdraw = Opt.Many("--withdraw-milestone", "when replacing a week's report: a milestone its earlier version reported as reached " +
            "that is not reached after all (by name); repeat for each");
        var command = new Command("submit",
            "submit a week's report; the light is re-evaluated at once. Missing values are asked for when run in a terminal. " +
            "Example: report submit --project 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e --week 2026-03-02 --percent 35 --period-investment 120 --cumulative-investment 1800 --workers 150 --state normal --narrative 主体施工")
            .With(file, project, week, percent, periodInvestment, cumulativeInvestment, workers, state, narrative, problems, reached, withdraw);
        runner.Handle(command, async (parse, cli) =>
        {
            var r = parse.GetValue(file) is { } path ? Input.ReadJson<ProgressReport>(path) : new ProgressReport();
            var ask = parse.GetValue(file) is null && cli.Source.IsInteractive;
            r.ProjectId = parse.GetValue(project) ?? Prompt(ask, "project id", r.ProjectId);
            var monday = parse.GetValue(week);
            if (monday is not null || r.PeriodStart.Length == 0)
            {
                var start = monday is null ? ThisMonday() : ParseDate(monday, "--week");
                r.PeriodStart = Iso(start);
                r.PeriodEnd = Iso(start.AddDays(6));
            }

            r.CumulativePercent = Money(parse.GetValue(percent) ?? Prompt(ask, "cumulative progress %", r.CumulativePercent?.Value));
            r.PeriodInvestment = Money(parse.GetValue(periodInvestment) ?? Prompt(ask, "investment this week (万元)", r.PeriodInvestment?.Value));
            r.CumulativeInvestment = Money(parse.GetValue(cumulativeInvestment) ?? Prompt(ask, "investment so far (万元)", r.CumulativeInvestment?.Value));
            if (parse.GetValue(workers) is { } w) r.Workers = w;
            else if (ask && r.Workers == 0) r.Workers = AnsiConsole.Ask<int>("people on site:");
            if (parse.GetValue(state) is { } s) r.State = Input.Enum<ConstructionState>(s, "--state");
            else if (ask && r.State == ConstructionState.Unspecified)
                r.State = Input.Enum<ConstructionState>(AnsiConsole.Prompt(new SelectionPrompt<string>().Title("construction state:").AddChoices("normal", "slowed", "suspended", "not_started")), "state");
            if (r.State == ConstructionState.Unspecified) r.State = ConstructionState.Normal;
            r.Narrative = parse.GetValue(narrative) ?? Prompt(ask, "narrative", r.Narrative);
            r.Problems.AddRange(parse.GetValue(problems) ?? []);
            foreach (var m in parse.GetValue(reached) ?? [])
            {
                var parts = m.Split('@');
                if (parts.Length != 2) throw new UsageException($"--reached '{m}': expected name@YYYY-MM-DD");
                r.ReachedMilestones.Add(new MilestoneReached { Name = parts[0], ActualDate = parts[1] });
            }

            var request = new SubmitProgressReportRequest { Report = r };
            request.WithdrawnMilestones.AddRange(parse.GetValue(withdraw) ?? []);
            var response = await cli.Registry.SubmitProgressReportAsync(request, cli.Call());
            cli.Write(response, () =>
            {
                cli.Console.MarkupLine($"{Input.Name(response.Outcome)}: {Markup.Escape(response.Report.PeriodName)} v{response.Report.Version}");
                if (response.KeptMilestones.Count > 0)
                {
                    // Said out loud, so an owner who meant to take one back knows how.
                    cli.Console.MarkupLine("kept from the earlier version (已保留的里程碑): " +
                        Markup.Escape(string.Join(", ", response.KeptMilestones.Select(m => $"{m.Name} {m.ActualDate}"))) +
                        "; take one back with --withdraw-milestone NAME");
                }

                LightView.Status(cli.Console, response.Light);
            });
        });
        return command;
    }

    private static Command List(Runner runner)
    {
        var project = Opt.Text("--project", "project id", required: true);
        var history = Opt.Flag("--history", "include replaced versions");
        var command = new Command("list", "a project's reports, newest week first (example: report list --project 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e)").With(project, history);
        runner.Handle(command, async (parse, cli) =>
        {
            var response = await cli.Registry.ListProgressReportsAsync(
                new ListProgressReportsRequest { ProjectId = parse.GetValue(project)!, IncludeHistory = parse.GetValue(history) }, cli.Call());
            cli.Write(response, () =>
            {
                var table = new Table().AddColumns("week", "version", "progress %", "week 万元", "total 万元", "workers", "state", "by", "narrative");
                foreach (var r in response.Reports)
                {
                    table.AddRow(Markup.Escape(r.PeriodName), r.Version.ToString(CultureInfo.InvariantCulture) + (r.Current ? "" : " (replaced)"),
                        Lights.Number(r.CumulativePercent), Lights.Money(r.PeriodInvestment), Lights.Money(r.CumulativeInvestment),
                        r.Workers.ToString(CultureInfo.InvariantCulture), Input.Name(r.State), Markup.Escape(r.SubmittedBy), Markup.Escape(r.Narrative));
                }

                cli.Console.Write(table);
            });
        });
        return command;
    }

    private static string Prompt(bool ask, string label, string? current) =>
        !string.IsNullOrEmpty(current) || !ask ? current ?? "" : AnsiConsole.Ask<string>(Markup.Escape(label) + ":");

    private static ProjectHub.Type.V1.Decimal? Money(string value) => value.Length == 0 ? null : new() { Value = value.Trim() };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text, string what) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new UsageException($"{what}: '{text}' is not a date YYYY-MM-DD");

    /// <summary>Monday of the current week in Shanghai, where the reporting week is defined.</summary>
    private static DateOnly ThisMonday()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
    }
}
