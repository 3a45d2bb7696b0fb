using Microsoft.Extensions.Time.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Hosting.Calendar;
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

    [Fact]
    public async Task When_the_years_file_is_dropped_in_the_sweep_recounts_the_deadline_and_it_is_provisional_no_more()
    {
        var extra = Directory.CreateTempSubdirectory("projecthub-calendar-extra-").FullName;
        try
        {
            await using var host = await StartAsync(new FakeTimeProvider(Shanghai(2026, 12, 30, 10)),
                settings: new Dictionary<string, string?> { ["Calendar:ExtraDirectory"] = extra });
            var problem = await RaiseAsync(host);
            Assert.True(problem.TierDeadlineProvisional);

            // The administrator's drop (docs: README "Adding a calendar year"); the watcher's reload, run here at once.
            await File.WriteAllTextAsync(Path.Combine(extra, "cn-2027.json"), """
                { "year": 2027, "notice": "test data", "holidays": [
                  { "id": "NEW_YEAR", "name": "New Year's Day", "nameZh": "元旦", "first": "2027-01-01", "last": "2027-01-03" } ] }
                """);
            Assert.Null(host.Services.GetRequiredService<ReloadingCalendar>().Reload());
            Assert.Equal(1, await host.SweepAsync());

            var read = await host.Client.GetProblemAsync(new GetProblemRequest { ProblemId = problem.Id }, Drc);
            Assert.False(read.TierDeadlineProvisional);
            // 2027-01-01 was counted as a working day without the data; it is 元旦, so the deadline is one working day later.
            var moved = DateOnly.ParseExact(read.TierDeadline, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var before = DateOnly.ParseExact(problem.TierDeadline, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(moved > before, $"{read.TierDeadline} should be after {problem.TierDeadline}");
            var history = await host.Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problem.Id }, Drc);
            var recount = Assert.Single(history.Entries, e => e.Action == "DEADLINE_RECOUNTED");
            Assert.Contains($"由 {problem.TierDeadline} 调整为 {read.TierDeadline}", recount.Note, StringComparison.Ordinal);

            Assert.Equal(0, await host.SweepAsync()); // counted once
        }
        finally
        {
            Directory.Delete(extra, recursive: true);
        }
    }

    private static CallOptions Drc => TestTokens.As(TestTokens.Drc);

    private static Task<Problem> RaiseAsync(EscalationHost host) =>
        host.Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-year-end", Category = ProblemCategory.Land, Description = "征地未完成" },
            Drc).ResponseAsync;
}
