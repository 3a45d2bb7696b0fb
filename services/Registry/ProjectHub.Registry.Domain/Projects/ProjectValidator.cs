using System.Globalization;
using ProjectHub.Domain;

namespace ProjectHub.Registry.Domain.Projects;

/// <summary>Checks a <see cref="ProjectDraft"/>; an empty result means it may be stored.</summary>
public static class ProjectValidator
{
    public const int MaxNameLength = 200;

    /// <summary>Limit for the other single-line text fields (units, people, places).</summary>
    public const int MaxTextLength = 200;

    /// <summary>Milestones of one baseline; a construction plan has a few dozen at most.</summary>
    public const int MaxMilestones = 100;

    /// <param name="today">Today in Asia/Shanghai; only its year is used, to judge the national code's year.</param>
    public static IReadOnlyList<FieldViolation> Validate(ProjectDraft draft, DateOnly today)
    {
        var violations = new Violations();

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            violations.Add("name", "必填：项目名称。");
        }
        else
        {
            TextRules.Check(violations, "name", draft.Name, MaxNameLength);
        }

        // The code is optional: reserve projects often have none until filed on the national platform.
        if (!string.IsNullOrEmpty(draft.NationalCode)
            && !NationalProjectCode.TryParse(draft.NationalCode, today.Year, out _, out var codeProblem))
        {
            violations.Add("national_code", codeProblem);
        }

        if (!Enum.IsDefined(draft.Tier))
        {
            violations.Add("tier", "未知的项目层级。");
        }

        TextRules.Check(violations, "industry", draft.Industry, MaxTextLength);
        TextRules.Check(violations, "locality", draft.Locality, MaxTextLength);
        TextRules.Check(violations, "owner_unit", draft.OwnerUnit, MaxTextLength);
        TextRules.Check(violations, "responsible_unit", draft.ResponsibleUnit, MaxTextLength);
        TextRules.Check(violations, "industry_department", draft.IndustryDepartment, MaxTextLength);
        TextRules.Check(violations, "leader_in_charge", draft.LeaderInCharge, MaxTextLength);
        TextRules.Check(violations, "responsible_person", draft.ResponsiblePerson, MaxTextLength);
        TextRules.Check(violations, "responsible_contact", draft.ResponsibleContact, MaxTextLength);

        if (draft.TotalInvestment < 0m)
        {
            violations.Add("total_investment", "总投资不能为负数。");
        }

        if (draft.YearPlannedInvestment < 0m)
        {
            violations.Add("year_planned_investment", "本年计划投资不能为负数。");
        }
        else if (draft.YearPlannedInvestment > draft.TotalInvestment && draft.TotalInvestment >= 0m)
        {
            violations.Add("year_planned_investment", FormattableString.Invariant(
                $"本年计划投资（{draft.YearPlannedInvestment}）不能超过总投资（{draft.TotalInvestment}）。"));
        }

        if (draft.PlannedCompletion < draft.PlannedStart)
        {
            violations.Add("planned_completion",
                $"计划竣工日期 {Format.Date(draft.PlannedCompletion)} 不能早于计划开工日期 {Format.Date(draft.PlannedStart)}。");
        }

        if (draft.Baseline.Milestones.Count > MaxMilestones)
        {
            // One violation for the list instead of one per milestone: thousands would make an answer no client accepts.
            violations.Add("baseline.milestones", string.Create(CultureInfo.InvariantCulture,
                $"计划基线最多 {MaxMilestones} 个里程碑，当前有 {draft.Baseline.Milestones.Count} 个。"));
        }
        else
        {
            violations.AddRange(draft.Baseline.Validate(draft.PlannedStart, draft.PlannedCompletion));
        }

        return violations.Items;
    }
}
