using Microsoft.Extensions.Time.Testing;
using Grpc.Core;
using ProjectHub.Escalation.V1;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>
/// A tier deadline counted into a year whose holiday data is not shipped (2027 here) is provisional, and the answer
/// says so; one inside known years is not.
/// </summary>
public sealed class ProvisionalDeadlineTests
{
    [Fact]
    public async Task A_deadline_inside_known_years_is_not_provisional()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Shanghai(2026, 2, 10, 10)));
        var problem = await RaiseAsync(host);

        Assert.Equal("2026-02-13", problem.TierDeadline);
        Assert.False(problem.TierDeadlineProvisional);
    }

    [Fact]
    public async Task A_deadline_counted_into_a_year_without_holiday_data_is_provisional_in_every_answer()
    {
        await using var host = await StartAsync(new FakeTimeProvider(Shanghai(2026, 12, 30, 10)));
        var problem = await RaiseAsync(host);

        Assert.StartsWith("2027-", problem.TierDeadline, StringComparison.Ordinal);
        Assert.True(problem.TierDeadlineProvisional);
        var read = await host.Client.GetProblemAsync(new GetProblemRequest { ProblemId = problem.Id }, Drc);
        Assert.True(read.TierDeadlineProvisional);
        var listed = await host.Client.ListProblemsAsync(new ListProblemsRequest { ProjectId = problem.ProjectId }, Drc);
        Assert.True(Assert.Single(listed.Problems).TierDeadlineProvisional);
    }

    private static CallOptions Drc => TestTokens.As(TestTokens.Drc);

    private static Task<Problem> RaiseAsync(EscalationHost host) =>
        host.Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-year-end", Category = ProblemCategory.Land, Description = "征地未完成" },
            Drc).ResponseAsync;
}
