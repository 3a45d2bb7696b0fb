namespace ProjectHub.Cli.Output;

/// <summary>
/// Beside a deadline the services flag as provisional: it was counted through a year whose holiday arrangements
/// (节假日安排) are not published yet, Monday to Friday there, and may move once they are.
/// </summary>
public static class Provisional
{
    public const string Text = "（暂定：该年节假日安排未发布，按周一至周五计算）";

    public const string Markup = "[grey]" + Text + "[/]";
}
