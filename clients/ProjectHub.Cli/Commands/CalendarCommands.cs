using System.CommandLine;
using ProjectHub.Calendar.V1;
using ProjectHub.Cli.Output;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>calendar add|count: the mainland China working-day calendar served next to approvals.</summary>
internal static class CalendarCommands
{
    public static Command Build(Runner runner)
    {
        var calendar = new Command("calendar", "working days on the mainland China calendar (holidays and make-up workdays). " +
            "Through a year whose holiday data is not published the answer assumes Monday to Friday: it is marked 暂定, a warning goes to stderr and the exit code is 8");

        var date = Opt.Text("--date", "start date YYYY-MM-DD", required: true);
        var days = Opt.Int("--days", "working days to add (negative goes back)");
        days.Required = true;
        var add = new Command("add", "the date N working days after a date (example: calendar add --date 2026-09-30 --days 5)").With(date, days);
        runner.Handle(add, async (parse, cli) =>
        {
            var r = await cli.Calendar.AddWorkingDaysAsync(new AddWorkingDaysRequest { Date = parse.GetValue(date)!, WorkingDays = parse.GetValue(days)!.Value }, cli.Call());
            cli.Write(r, () => cli.Console.WriteLine(r.Date + (r.KnownYears ? "" : "  " + Provisional.Text)));
            return await Known(cli, r.KnownYears);
        });
        calendar.Add(add);

        var from = Opt.Text("--from", "first date YYYY-MM-DD", required: true);
        var to = Opt.Text("--to", "last date YYYY-MM-DD", required: true);
        var count = new Command("count", "working days between two dates (example: calendar count --from 2026-10-01 --to 2026-10-31)").With(from, to);
        runner.Handle(count, async (parse, cli) =>
        {
            var r = await cli.Calendar.CountWorkingDaysAsync(new CountWorkingDaysRequest { FromDate = parse.GetValue(from)!, ToDate = parse.GetValue(to)! }, cli.Call());
            cli.Write(r, () => cli.Console.WriteLine(r.WorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                (r.KnownYears ? "" : "  " + Provisional.Text)));
            return await Known(cli, r.KnownYears);
        });
        calendar.Add(count);
        return calendar;
    }

    /// <summary>Exit 0, or 8 with a warning when the answer ran through a year without holiday data (it may be a holiday).</summary>
    private static async Task<int> Known(CliContext cli, bool knownYears)
    {
        if (knownYears)
        {
            return ExitCodes.Ok;
        }

        await Provisional.WarnAsync(cli);
        return ExitCodes.Provisional;
    }
}
