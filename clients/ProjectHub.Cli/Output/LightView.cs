using ProjectHub.Registry.V1;
using Spectre.Console;

namespace ProjectHub.Cli.Output;

/// <summary>A light with the reasons behind it.</summary>
public static class LightView
{
    public static void Status(IAnsiConsole console, LightStatus? status)
    {
        if (status is null)
        {
            console.MarkupLine(Lights.Markup(Light.None));
            return;
        }

        console.MarkupLine($"{Lights.Markup(status.Light)}  plan {Lights.Number(status.PlannedPercent)} % / actual {Lights.Number(status.ActualPercent)} %" +
            (status.RedSince.Length > 0 ? $"  red since {status.RedSince}" : ""));
        if (status.Reasons.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("light", "reason", "code", "subject");
        foreach (var reason in status.Reasons)
        {
            table.AddRow(Lights.Markup(reason.Light), Markup.Escape(reason.Message), Markup.Escape(reason.Code), Markup.Escape(reason.Subject));
        }

        console.Write(table);
    }
}
