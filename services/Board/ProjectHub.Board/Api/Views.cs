using System.Globalization;
using ProjectHub.Registry.V1;
using Esc = ProjectHub.Escalation.V1;

namespace ProjectHub.Board.Api;

/// <summary>What the pages need of a project card; light is "red", "yellow", "green" or "none" (the CSS class).</summary>
public sealed record CardView(string Id, string Name, string Light, string Tier, string Stage,
    string Department, string Locality, string Leader, string ResponsibleUnit);

/// <param name="ProjectName">The project's name (empty when the escalation service does not know it yet).</param>
/// <param name="Sequence">The alert's short number, shown as #N: what people quote and type (projecthub alerts ack N).</param>
public sealed record AlertView(string Id, string Code, string Title, string Body, string ProjectId, string ProblemId,
    string CreatedAt, bool Acknowledged, string ProjectName, long Sequence);

/// <summary>Protobuf → page shapes, and the Chinese words the pages show for the enums.</summary>
public static class Views
{
    public static CardView Card(Project p) => new(p.Id, p.Fields.Name, LightName(p.Light?.Light ?? Light.None),
        ChineseNames.Tier(p.Fields.Tier), ChineseNames.Stage(p.Stage), p.Fields.IndustryDepartment, p.Fields.Locality,
        p.Fields.LeaderInCharge, p.Fields.ResponsibleUnit);

    public static AlertView Alert(Esc.Alert a) => new(a.Id, a.Code, a.Title, a.Body, a.ProjectId, a.ProblemId,
        a.CreatedAt?.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
        a.Acknowledged, a.ProjectName, a.Sequence);

    public static string LightName(Light light) => light switch
    {
        Light.Red => "red",
        Light.Yellow => "yellow",
        Light.Green => "green",
        _ => "none",
    };

    public static string StateName(Esc.ProblemState state) => state switch
    {
        Esc.ProblemState.Open => "待受理",
        Esc.ProblemState.Acknowledged => "已受理",
        Esc.ProblemState.Resolved => "已解决",
        _ => "未定",
    };

    public static string CategoryName(Esc.ProblemCategory category) => category switch
    {
        Esc.ProblemCategory.Land => "用地",
        Esc.ProblemCategory.Demolition => "征迁",
        Esc.ProblemCategory.Labour => "用工",
        Esc.ProblemCategory.Funding => "资金",
        Esc.ProblemCategory.Approvals => "审批",
        Esc.ProblemCategory.Materials => "材料",
        Esc.ProblemCategory.Utilities => "水电气",
        _ => "其他",
    };

    public static decimal? Number(ProjectHub.Type.V1.Decimal? d) =>
        d is not null && decimal.TryParse(d.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static string Day(Google.Protobuf.WellKnownTypes.Timestamp? t) =>
        t?.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
