namespace ProjectHub.Cli.Output;

/// <summary>
/// Beside a deadline the services flag as provisional: it was counted through a year whose holiday arrangements
/// (节假日安排) are not published yet, Monday to Friday there, and may move once they are.
/// </summary>
public static class Provisional
{
    public const string Text = "（暂定：该年节假日安排未发布，按周一至周五计算）";

    public const string Markup = "[grey]" + Text + "[/]";

    /// <summary>The line on stderr (so --output json stays parseable) when an answer relies on such a year.</summary>
    public const string Warning = "警告：该年节假日数据未发布，结果为暂定（按周一至周五计算），节假日安排公布后可能变化。";

    public static Task WarnAsync(CliContext cli) => cli.Error.WriteLineAsync(Warning);
}
