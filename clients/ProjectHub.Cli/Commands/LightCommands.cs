using System.CommandLine;
using System.Globalization;
using ProjectHub.Cli.Output;
using ProjectHub.Registry.V1;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>lights (one project's light and why) and board (the battle map: 作战图).</summary>
internal static class LightCommands
{
    public static Command BuildLights(Runner runner)
    {
        var id = Opt.Id("project-id", "the project's id");
        var history = Opt.Flag("--history", "every evaluation and change instead of the current light");
        var command = new Command("lights", "a project's warning light and the reasons for it (example: lights 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e)").With(id, history);
        runner.Handle(command, async (parse, cli) =>
        {
            var projectId = parse.GetValue(id)!;
            if (parse.GetValue(history))
            {
                var entries = await cli.Registry.GetLightHistoryAsync(new GetLightHistoryRequest { ProjectId = projectId }, cli.Call());
                cli.Write(entries, () =>
                {
                    var table = new Table().AddColumns("at", "from", "to", "plan %", "actual %", "reasons");
                    foreach (var e in entries.Entries)
                    {
                        table.AddRow(When.Format(e.At), Lights.Markup(e.From), Lights.Markup(e.To), Lights.Number(e.PlannedPercent),
                            Lights.Number(e.ActualPercent), Markup.Escape(string.Join("; ", e.Reasons.Select(r => r.Message))));
                    }

                    cli.Console.Write(table);
                });
                return;
            }

            var status = await cli.Registry.GetLightAsync(new GetLightRequest { ProjectId = projectId }, cli.Call());
            cli.Write(status, () => LightView.Status(cli.Console, status));
        });
        return command;
    }

    public static Command BuildBoard(Runner runner)
    {
        var command = new Command("board", "the battle map: lights in total and per department, locality, leader and tier; investment against plan");
        runner.Handle(command, async (_, cli) =>
        {
            var board = await cli.Registry.GetBoardAsync(new GetBoardRequest(), cli.Call());
            cli.Write(board, () => Draw(cli.Console, board));
        });
        return command;
    }

    private static void Draw(IAnsiConsole console, Board board)
    {
        var t = board.Totals ?? new LightTally();
        console.MarkupLine($"[red]● {t.Red}[/] 红灯   [yellow]● {t.Yellow}[/] 黄灯   [green]● {t.Green}[/] 绿灯   [grey]○ {t.Unlit}[/] 未亮灯");
        console.MarkupLine(
            $"{board.Year} investment (万元): completed {Lights.Money(board.YearToDateCompleted)} of planned {Lights.Money(board.YearPlannedInvestment)} " +
            $"({Lights.Number(board.CompletionPercent)} %); total investment {Lights.Money(board.TotalInvestment)}");
        if (decimal.TryParse(board.CompletionPercent?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
        {
            console.Write(new BreakdownChart().Width(60)
                .AddItem("completed", (double)Math.Clamp(percent, 0, 100), Color.Green)
                .AddItem("remaining", (double)(100 - Math.Clamp(percent, 0, 100)), Color.Grey));
        }

        Section(console, "by department (行业主管部门)", board.ByIndustryDepartment);
        Section(console, "by locality (属地)", board.ByLocality);
        Section(console, "by leader in charge (分管领导)", board.ByLeaderInCharge);
        Section(console, "by tier (级别)", board.ByTier, Lights.TierKey);
    }

    private static void Section(IAnsiConsole console, string title, IEnumerable<BoardRow> rows, Func<string, string>? label = null)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("", "[red]红[/]", "[yellow]黄[/]", "[green]绿[/]", "[grey]未亮[/]");
        foreach (var row in rows)
        {
            var l = row.Lights ?? new LightTally();
            table.AddRow(Markup.Escape(label is null ? row.Key : label(row.Key)), Count(l.Red, "red"), Count(l.Yellow, "yellow"), Count(l.Green, "green"), Count(l.Unlit, "grey"));
        }

        console.Write(table);
    }

    private static string Count(int n, string colour) => n == 0 ? "0" : $"[{colour}]{n}[/]";
}
