using ProjectHub.Registry.V1;

namespace ProjectHub.Cli.Output;

/// <summary>How a light looks in a terminal: a coloured dot and its Chinese name (colour is lost in pipes, the word is not).</summary>
public static class Lights
{
    public static string Markup(Light light) => light switch
    {
        Light.Red => "[red]●[/] 红灯",
        Light.Yellow => "[yellow]●[/] 黄灯",
        Light.Green => "[green]●[/] 绿灯",
        _ => "[grey]○[/] 未亮灯",
    };

    public static string Money(ProjectHub.Type.V1.Decimal? value) =>
        value is null || value.Value.Length == 0 ? "-" : value.Value;
}
