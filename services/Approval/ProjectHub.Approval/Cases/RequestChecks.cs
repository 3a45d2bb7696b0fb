using System.Globalization;
using ProjectHub.Domain;

namespace ProjectHub.Approval.Cases;

/// <summary>
/// The checks every approval use case makes on the text it is given, gathered into a <see cref="Violations"/> (snake_case
/// proto paths) so one INVALID_ARGUMENT names every bad field before anything is read or written. Length and control
/// characters are judged by <see cref="TextRules"/>; the wording ("case_id 为必填项。", Chinese because people read it) is this service's, as its
/// clients have always read it.
/// </summary>
public static class RequestChecks
{
    /// <summary>Ids, unit and department names: single-line and short.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Free text people type (a return reason, a note): line breaks allowed, about two pages at most.</summary>
    public const int MaxFreeTextLength = 2000;

    // Required fields of this API that are free text rather than names or ids.
    private static readonly HashSet<string> FreeTextFields = new(StringComparer.Ordinal) { "reason", "note" };

    /// <summary>A required value, also checked as <see cref="Text"/> (free text for reason and note, else a name or id).</summary>
    public static void Required(this Violations violations, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add(field, "为必填项。");
            return;
        }

        var freeText = FreeTextFields.Contains(field);
        violations.Text(field, value, freeText ? MaxFreeTextLength : MaxNameLength, multiLine: freeText);
    }

    /// <summary>The optional free-text note of an item action: may be empty, else free text (lines allowed).</summary>
    public static void Note(this Violations violations, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            violations.Text("note", value, MaxFreeTextLength, multiLine: true);
        }
    }

    /// <summary>
    /// Optional text: at most <paramref name="maxLength"/> characters and no control characters (line breaks and
    /// tabs only where <paramref name="multiLine"/>). A hostile id is refused here rather than echoed in a NOT_FOUND.
    /// </summary>
    public static void Text(this Violations violations, string field, string? value, int maxLength, bool multiLine = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var length = TextRules.Length(value);
        if (length > maxLength)
        {
            violations.Add(field, string.Create(CultureInfo.InvariantCulture, $"最多 {maxLength} 个字符，现有 {length} 个。"));
        }

        if (TextRules.HasControlCharacter(value, multiLine))
        {
            violations.Add(field, multiLine
                ? "除换行和制表符外不能含控制字符。"
                : "不能含换行、制表符等控制字符。");
        }
    }

    /// <summary>
    /// The id of the department a request names by id or Chinese name (<see cref="Domain.ApprovalRules.FindDepartment"/>),
    /// so every client may use either spelling; an unknown one is a bad field naming the known ones, never an empty
    /// answer or a refusal that contradicts the names the case shows. Empty stays empty (Required judges that).
    /// </summary>
    public static string Department(this Violations violations, Domain.ApprovalRules rules, string field, string? idOrName)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            return "";
        }

        if (rules.FindDepartment(idOrName) is { } department)
        {
            return department.Id;
        }

        // Text already refused (too long, control characters) is not echoed back in a second message.
        if (!violations.Items.Any(v => v.Field == field))
        {
            violations.Add(field, $"没有审批部门“{idOrName.Trim()}”；请填写部门编号或名称：{rules.KnownDepartments}。");
        }

        return idOrName;
    }

    /// <summary>The item kind a request names; null (not given, or not a kind of this API) is a bad field.</summary>
    public static void RequiredKind(this Violations violations, Domain.ApprovalItemKind? kind)
    {
        if (kind is null)
        {
            violations.Add("kind", "须为 ITEM_KIND_ 开头的事项类型之一。");
        }
    }

    /// <summary>Throws one INVALID_ARGUMENT naming every bad field when there is any.</summary>
    public static void ThrowIfInvalid(this Violations violations)
    {
        if (violations.Any)
        {
            throw DomainException.Invalid(
                "请求有误：" + string.Join(" ", violations.Items.Select(v => $"{v.Field} {v.Description}")), violations.Items);
        }
    }
}
