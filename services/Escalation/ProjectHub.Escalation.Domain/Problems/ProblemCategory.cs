namespace ProjectHub.Escalation.Domain.Problems;

/// <summary>What a problem is about; <see cref="ProblemCategories"/> gives wire codes and Chinese names.</summary>
public enum ProblemCategory
{
    Land,
    Demolition,
    Labour,
    Funding,
    Approvals,
    Materials,
    Utilities,
    Other,
}
