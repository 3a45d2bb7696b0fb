using System.Globalization;
using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Projects;

namespace ProjectHub.Registry.Domain;

/// <summary>
/// The Chinese wording of the registry's refusals. The shared <see cref="TextRules"/> and <see cref="Violations"/>
/// word their sentences in English for every service, so the registry keeps its own Chinese ones here (as the approval
/// service does) and only borrows their judgement: length as a reader counts it, and which control characters count.
/// Field paths, reason codes and wire enum names stay as they are: clients match on them.
/// </summary>
public static class RegistryTexts
{
    /// <summary>The detail of an INVALID_ARGUMENT; the bad fields follow it, each with its description.</summary>
    public const string InvalidRequest = "请求中有字段不符合要求：";

    /// <summary>The stage as the board names it, with the wire code so a caller can match it to the API: "在建（UNDER_CONSTRUCTION）".</summary>
    public static string Stage(ProjectStage stage) => stage switch
    {
        ProjectStage.Reserve => "储备（RESERVE）",
        ProjectStage.PreConstruction => "前期（PRE_CONSTRUCTION）",
        ProjectStage.UnderConstruction => "在建（UNDER_CONSTRUCTION）",
        ProjectStage.Completed => "竣工（COMPLETED）",
        ProjectStage.Exited => "退出（EXITED）",
        _ => stage.ToString(),
    };

    /// <summary>The stage as stored (the enum's name), or the stored text itself when it is no stage.</summary>
    public static string Stage(string stored) =>
        Enum.TryParse<ProjectStage>(stored, out var stage) ? Stage(stage) : stored;

    /// <summary>The tier as the board names it, with the wire code: "市重大（PROJECT_TIER_MUNICIPAL_MAJOR）".</summary>
    public static string Tier(ProjectTier tier) => tier switch
    {
        ProjectTier.National => "国家重大（PROJECT_TIER_NATIONAL）",
        ProjectTier.ProvincialLargeMedium => "省大中型（PROJECT_TIER_PROVINCIAL_LARGE_MEDIUM）",
        ProjectTier.ProvincialKey => "省重点（PROJECT_TIER_PROVINCIAL_KEY）",
        ProjectTier.MunicipalMajor => "市重大（PROJECT_TIER_MUNICIPAL_MAJOR）",
        _ => tier.ToString(),
    };

    /// <summary>"必填：周报。" when <paramref name="text"/> is empty or blank (<paramref name="what"/> names the value in Chinese).</summary>
    public static void Require(Violations v, string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, $"必填：{what}。");
        }
    }

    /// <summary>
    /// <see cref="TextRules.Check"/> worded in Chinese: text over <paramref name="maxLength"/> characters, and control
    /// characters (line breaks and tabs are allowed only where <paramref name="multiLine"/>).
    /// </summary>
    public static void CheckText(Violations v, string field, string? text, int maxLength, bool multiLine = false)
    {
        if (text is null)
        {
            return;
        }

        var length = TextRules.Length(text);
        if (length > maxLength)
        {
            v.Add(field, string.Create(CultureInfo.InvariantCulture, $"最多 {maxLength} 个字符，当前为 {length} 个。"));
        }

        if (TextRules.HasControlCharacter(text, multiLine))
        {
            v.Add(field, multiLine ? ControlCharactersExceptLineBreaks : "不能含换行、制表符等控制字符。");
        }
    }

    /// <summary>Said of multi-line text (narratives, reasons) holding a control character other than a line break or tab.</summary>
    public const string ControlCharactersExceptLineBreaks = "除换行和制表符外不能含控制字符。";
}
