using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Projects;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry.Projects;

/// <summary>A project as the use cases answer it: its row and its approvals that are overdue (in the order shown).</summary>
public sealed record ProjectView(ProjectRow Project, IReadOnlyList<OverdueApprovalRow> OverdueApprovals);

/// <summary>One page of projects; <see cref="NextPageToken"/> is empty on the last page.</summary>
public sealed record ProjectPage(IReadOnlyList<ProjectView> Projects, string NextPageToken);

/// <summary>A project's audit trail in order, and every version of its baseline.</summary>
public sealed record ProjectHistoryView(string ProjectId, IReadOnlyList<AuditRow> Records, IReadOnlyList<BaselineRow> Baselines);

/// <summary>
/// What ListProjects filters on; null or blank means "any". <see cref="PageSize"/> 0 means the default and
/// <see cref="PageToken"/> is a token a previous page returned (or empty).
/// </summary>
public sealed record ProjectFilter
{
    public Light? Light { get; init; }

    /// <summary>Only projects without a light; wins over <see cref="Light"/>.</summary>
    public bool OnlyUnlit { get; init; }

    public ProjectTier? Tier { get; init; }

    public ProjectStage? Stage { get; init; }

    public string IndustryDepartment { get; init; } = "";

    public string Locality { get; init; } = "";

    public string LeaderInCharge { get; init; } = "";

    public string OwnerUnit { get; init; } = "";

    public string NameContains { get; init; } = "";

    public int PageSize { get; init; }

    public string PageToken { get; init; } = "";
}
