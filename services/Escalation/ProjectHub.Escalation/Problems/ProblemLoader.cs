using Microsoft.EntityFrameworkCore;
using ProjectHub.Escalation.Domain.Problems;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Domain;

namespace ProjectHub.Escalation.Problems;

/// <summary>Reading a problem by its wire id: a malformed id is INVALID_ARGUMENT, an unknown one NOT_FOUND.</summary>
public static class ProblemLoader
{
    public static Guid ParseId(string problemId) =>
        Guid.TryParse(problemId, out var id)
            ? id
            : throw DomainException.Invalid("problem_id", "problem_id must be a problem id (a UUID).");

    public static async Task<(ProblemRow Row, Problem Problem)> LoadAsync(EscalationDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Problems.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound($"Problem {id} does not exist.");
        return (row, row.ToDomain());
    }
}
