using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Wire;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Wire;

/// <summary>Lights on the wire: a project's current light, its history, counts and a sweep's result.</summary>
public static class LightWire
{
    public static V1.LightStatus Status(ProjectRow row)
    {
        var status = new V1.LightStatus
        {
            ProjectId = row.Id,
            Light = EnumWire.ToWire(ProjectRowMapping.LightOf(row)),
            PlannedPercent = WireDecimal.ToWire(row.PlannedPercent),
            ActualPercent = WireDecimal.ToWire(row.ActualPercent),
            RedSince = WireDate.ToWire(row.RedSince),
        };
        if (row.LightEvaluatedAtMs is { } at)
        {
            status.EvaluatedAt = WireDate.Instant(at);
        }

        status.Reasons.AddRange(Reasons(ProjectRowMapping.LightReasonsOf(row)));
        return status;
    }

    public static IEnumerable<V1.LightReason> Reasons(IEnumerable<LightReason> reasons) =>
        reasons.Select(r => new V1.LightReason { Code = r.Code, Light = EnumWire.ToWire(r.Light), Message = r.Message, Subject = r.Subject ?? "" });

    public static V1.LightHistory ToWire(LightHistoryView view)
    {
        var history = new V1.LightHistory { ProjectId = view.ProjectId };
        history.Entries.AddRange(view.Entries.Select(h =>
        {
            var entry = new V1.LightHistoryEntry
            {
                At = WireDate.Instant(h.AtMs),
                From = EnumWire.ToWire(Enum.Parse<Light>(h.From)),
                To = EnumWire.ToWire(Enum.Parse<Light>(h.To)),
                PlannedPercent = WireDecimal.ToWire(h.PlannedPercent),
                ActualPercent = WireDecimal.ToWire(h.ActualPercent),
                LightChanged = h.LightChanged,
            };
            entry.Reasons.AddRange(Reasons(ProjectRowMapping.ReasonsOf(h)));
            return entry;
        }));
        return history;
    }

    public static V1.LightTally Tally(LightCounts counts) =>
        new() { Red = counts.Red, Yellow = counts.Yellow, Green = counts.Green, Unlit = counts.Unlit };

    public static V1.EvaluateLightsResponse ToWire(SweepResult result) =>
        new() { Evaluated = result.Evaluated, Changed = result.Changed, Lights = Tally(result.Lights) };
}
