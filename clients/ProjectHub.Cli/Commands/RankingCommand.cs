using System.CommandLine;
using System.Globalization;
using ProjectHub.Cli.Output;
using ProjectHub.Registry.V1;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>ranking: 考核排名 of the responsible units (RankUnits), the score with the parts it is made of.</summary>
internal static class RankingCommand
{
    public static Command Build(Runner runner)
    {
        var from = Opt.Text("--from", "first day YYYY-MM-DD (default: 1 January of this year, Asia/Shanghai)");
        var to = Opt.Text("--to", "last day YYYY-MM-DD (default: today, Asia/Shanghai)");
        var command = new Command("ranking",
            "rank the responsible units (考核排名) over a period: score 0–100 and its parts — green share, investment completed " +
            "against this year's plan, reports on time, problem resolution (unscored, '-', when no problem was resolved in the " +
            "period) — each 0–100, weighted as the registry is configured (example: ranking --from 2026-01-01 --to 2026-06-30)")
            .With(from, to);
        runner.Handle(command, async (parse, cli) =>
        {
            var response = await cli.Registry.RankUnitsAsync(
                new RankUnitsRequest { FromDate = parse.GetValue(from) ?? "", ToDate = parse.GetValue(to) ?? "" }, cli.Call());
            cli.Write(response, () => Draw(cli.Console, response));
        });
        return command;
    }

    private static void Draw(IAnsiConsole console, RankUnitsResponse response)
    {
        console.MarkupLine($"{Markup.Escape(response.FromDate)} → {Markup.Escape(response.ToDate)}");
        var table = new Table().AddColumns(
            "#", "responsible unit (责任单位)", "score", "green %", "investment %", "reports on time %", "problem resolution",
            "median days", "lights red/yellow/green", "invested / planned 万元", "reports on time / due");
        foreach (var r in response.Ranks)
        {
            var l = r.Lights ?? new LightTally();
            table.AddRow(
                r.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Unit), Lights.Number(r.Score), Lights.Number(r.GreenShare),
                Lights.Number(r.InvestmentCompletion), Lights.Number(r.OnTimeReporting), Lights.Number(r.ProblemResolution),
                Lights.Number(r.MedianResolutionWorkingDays), $"{l.Red}/{l.Yellow}/{l.Green}",
                $"{Lights.Money(r.InvestmentCompleted)} / {Lights.Money(r.InvestmentPlanned)}",
                string.Create(CultureInfo.InvariantCulture, $"{r.ReportsOnTime} / {r.ReportsDue}"));
        }

        console.Write(table);
        if (response.Ranks.Count == 0)
        {
            console.WriteLine("no responsible unit has a project on the list you may read");
        }
    }
}
