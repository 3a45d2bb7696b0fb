using ProjectHub.Escalation.V1;
using ProjectHub.Escalation.Problems;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;
using static ProjectHub.Escalation.Tests.Service.EscalationHost;

namespace ProjectHub.Escalation.Tests.Service;

/// <summary>Text fields are checked for length and control characters, and errors do not echo what was sent whole.</summary>
public sealed class HostileTextTests : IAsyncLifetime
{
    private const string Control = "文字\u0000\u0007\u001b[2J";

    private static readonly Caller Owner = TestTokens.Owner("owner-1");
    private static readonly Caller Unit = TestTokens.Owner("unit-1");

    private EscalationHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await StartAsync();
        await _host.SeedProjectAsync("p-1", "unit-1", "owner-1", "dept-1", "leader-1");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private V1.Escalation.EscalationClient Client => _host.Client;

    public static TheoryData<string, string, string> BadRaises => new()
    {
        { "p-1", Control, "description" },
        { "p-1", new string('字', ProblemText.MaxDescriptionLength + 1), "description" },
        { "p-\n1", "征地", "project_id" },
        { "p\u001b-1", "征地", "project_id" },
        { new string('p', ProblemText.MaxProjectIdLength + 1), "征地", "project_id" },
    };

    [Theory]
    [MemberData(nameof(BadRaises))]
    public async Task Raising_with_hostile_text_is_refused_naming_the_field(string projectId, string description, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = projectId, Category = ProblemCategory.Land, Description = description },
            TestTokens.As(TestTokens.Drc)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.FieldViolations()).Field);
        Assert.Equal(0, await _host.WithDbAsync(db => Task.FromResult(db.Problems.Count())));
    }

    [Fact]
    public async Task A_multi_line_description_is_kept_as_sent()
    {
        const string description = "征地红线内：\r\n\t一、三户未签约\n\t二、…";
        var raised = await Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-1", Category = ProblemCategory.Land, Description = description }, TestTokens.As(Owner));

        Assert.Equal(description, raised.Description);
    }

    [Fact]
    public async Task Resolution_and_reasons_with_hostile_text_are_refused_and_change_nothing()
    {
        var problem = await Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = "p-1", Category = ProblemCategory.Land, Description = "征地" }, TestTokens.As(Owner));
        var tooLong = new string('字', ProblemText.MaxResolutionLength + 1);
        var calls = new (string Field, Func<Task> Call)[]
        {
            ("resolution", () => Client.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = problem.Id, Resolution = Control }, TestTokens.As(Unit)).ResponseAsync),
            ("resolution", () => Client.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = problem.Id, Resolution = tooLong }, TestTokens.As(Unit)).ResponseAsync),
            ("reason", () => Client.EscalateProblemAsync(new EscalateProblemRequest { ProblemId = problem.Id, Reason = Control }, TestTokens.As(Unit)).ResponseAsync),
            ("reason", () => Client.EscalateProblemAsync(new EscalateProblemRequest { ProblemId = problem.Id, Reason = tooLong }, TestTokens.As(Unit)).ResponseAsync),
            ("reason", () => Client.ReopenProblemAsync(new ReopenProblemRequest { ProblemId = problem.Id, Reason = Control }, TestTokens.As(Owner)).ResponseAsync),
        };

        foreach (var (field, call) in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal(field, Assert.Single(error.FieldViolations()).Field);
        }

        var history = await Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problem.Id }, TestTokens.As(Owner));
        Assert.Equal("RAISED", Assert.Single(history.Entries).Action);
    }

    [Fact]
    public async Task An_unknown_alert_is_not_found_quoting_a_short_prefix()
    {
        var id = new string('a', 100_000);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = id }, TestTokens.As(TestTokens.Admin)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal($"Alert \"{id[..40]}…\" does not exist.", error.Status.Detail);
    }
}
