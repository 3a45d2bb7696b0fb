namespace ProjectHub.Approval.Domain;

/// <summary>The pre-construction approval items (前期审批事项) a project may need.</summary>
public enum ApprovalItemKind
{
    /// <summary>项目建议书.</summary>
    ProjectProposal,

    /// <summary>可行性研究报告.</summary>
    FeasibilityStudy,

    /// <summary>初步设计.</summary>
    PreliminaryDesign,

    /// <summary>"一书一证": land pre-review and site selection opinion plus land-use planning permit.</summary>
    LandAndPlanning,

    /// <summary>环评.</summary>
    EnvironmentalImpact,

    /// <summary>施工许可.</summary>
    ConstructionPermit,
}
