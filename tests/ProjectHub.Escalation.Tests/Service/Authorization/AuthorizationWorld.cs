using ProjectHub.Escalation.V1;
using ProjectHub.Escalation.Persistence;
using Grpc.Core;
using ProjectHub.Security;
using ProjectHub.Testing;

namespace ProjectHub.Escalation.Tests.Service.Authorization;

/// <summary>
/// One escalation service shared by the authorization tests, with two projects and the people around them:
/// 滨江大道 (owner 城投集团, responsible 滨江新城指挥部, department 住建局, leader 张副市长) and a project of others
/// (交投集团, 交通局, 李副市长). Every test makes its own problems and alerts, so the cases stay independent.
/// </summary>
public sealed class AuthorizationWorld : IAsyncLifetime
{
    public const string ProjectId = "p-binjiang";
    public const string OtherProjectId = "p-other";
    public const string OwnerUnit = "城投集团";
    public const string ResponsibleUnit = "滨江新城指挥部";
    public const string DepartmentUnit = "住建局";
    public const string LeaderInCharge = "张副市长";

    public static readonly Caller OwnOwner = TestTokens.Owner(OwnerUnit);
    public static readonly Caller OtherOwner = TestTokens.Owner("交投集团");
    public static readonly Caller OwnDepartment = TestTokens.Department(DepartmentUnit);
    public static readonly Caller OtherDepartment = TestTokens.Department("交通局");
    public static readonly Caller TierLeader = TestTokens.Leader(LeaderInCharge, "VICE_MAYOR");
    public static readonly Caller OtherTierLeader = TestTokens.Leader("王常务副市长", "EXECUTIVE_VICE_MAYOR");

    private int _alerts;

    public EscalationHost Host { get; private set; } = null!;

    public V1.Escalation.EscalationClient Client => Host.Client;

    public static CallOptions As(Caller? caller) => caller is null ? default : TestTokens.As(caller);

    public async Task InitializeAsync()
    {
        Host = await EscalationHost.StartAsync();
        await Host.SeedProjectAsync(ProjectId, ResponsibleUnit, OwnerUnit, DepartmentUnit, LeaderInCharge);
        await Host.SeedProjectAsync(OtherProjectId, "交投集团", "交投集团", "交通局", "李副市长");
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A problem of 滨江大道 raised by its owner and moved (by an admin) to <paramref name="tierId"/>.</summary>
    public async Task<V1.Problem> ProblemAtAsync(string tierId, bool resolved = false, string projectId = ProjectId, Caller? raiser = null)
    {
        var problem = await Client.RaiseProblemAsync(
            new RaiseProblemRequest { ProjectId = projectId, Category = ProblemCategory.Demolition, Description = "三户未签征迁协议" },
            As(raiser ?? OwnOwner));
        while (problem.Tier.Id != tierId)
        {
            problem = await Client.EscalateProblemAsync(
                new EscalateProblemRequest { ProblemId = problem.Id, Reason = "超出本级职权" }, As(TestTokens.Admin));
        }

        return resolved
            ? await Client.ResolveProblemAsync(new ResolveProblemRequest { ProblemId = problem.Id, Resolution = "已签约" }, As(TestTokens.Admin))
            : problem;
    }

    /// <summary>A fresh unacknowledged alert for <paramref name="recipientId"/>, stored as the service would.</summary>
    public async Task<string> AlertForAsync(string recipientId)
    {
        var id = $"TEST/{Interlocked.Increment(ref _alerts)}/{recipientId}";
        await Host.WithDbAsync(async db =>
        {
            db.Alerts.Add(new AlertRow
            {
                AlertId = id, RecipientId = recipientId, Code = "PROBLEM_ARRIVED", Title = "问题到达", Body = "测试提醒",
                ProjectId = ProjectId, CreatedAt = Host.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public async Task<V1.Alert> AlertAsync(string recipientId, string alertId)
    {
        var alerts = await Client.ListAlertsAsync(
            new ListAlertsRequest { RecipientId = recipientId, IncludeAcknowledged = true, PageSize = 500 }, As(TestTokens.Admin));
        return Assert.Single(alerts.Alerts, a => a.Id == alertId);
    }

    /// <summary>What a refused write must leave as it was: the problem and its whole audit trail.</summary>
    public async Task<(V1.Problem Problem, List<string> History)> SnapshotAsync(string problemId)
    {
        var problem = await Client.GetProblemAsync(new GetProblemRequest { ProblemId = problemId }, As(TestTokens.Admin));
        var history = await Client.GetProblemHistoryAsync(new GetProblemHistoryRequest { ProblemId = problemId }, As(TestTokens.Admin));
        return (problem, history.Entries.Select(e => $"{e.Version}/{e.Action}/{e.Actor}").ToList());
    }

    public async Task<int> ProblemCountAsync() =>
        (await Client.ListProblemsAsync(new ListProblemsRequest { ProjectId = ProjectId, PageSize = 500 }, As(TestTokens.Admin))).Problems.Count;
}
