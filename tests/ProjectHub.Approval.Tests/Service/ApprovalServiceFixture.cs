using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Approval.Overdue;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.V1;
using ProjectHub.ClientDefaults;
using ProjectHub.Contracts.Registry;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Security;
using ProjectHub.Testing;
using Decimal = ProjectHub.Type.V1.Decimal;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>The real approval host on a free port with a SQLite file in a temp directory and a hand-set clock.</summary>
public sealed class ApprovalServiceFixture : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private ServiceTestHost? _host;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));

    /// <summary>Calls carry no token unless they pass one (<see cref="As"/>), so "no token" can be tested too.</summary>
    public V1.Approvals.ApprovalsClient Approvals { get; private set; } = null!;

    public ProjectHub.Calendar.V1.WorkingCalendar.WorkingCalendarClient Calendar { get; private set; } = null!;

    public OverdueSweep Sweep => _host!.Services.GetRequiredService<OverdueSweep>();

    public async Task InitializeAsync()
    {
        _host = await ServiceTestHost.StartAsync(ApprovalServiceRegistration.Module, Time);
        Approvals = new V1.Approvals.ApprovalsClient(_host.Channel.WithDefaults());
        Calendar = new ProjectHub.Calendar.V1.WorkingCalendar.WorkingCalendarClient(_host.Channel.WithDefaults());
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Sets the clock to <paramref name="hour"/>:00 Asia/Shanghai on <paramref name="isoDate"/>.</summary>
    /// <remarks>The tests of the collection share one host and each sets its own dates, so the clock may move back:
    /// AdjustTime (a clock set by hand) does that without firing timers; the overdue sweep is run by the tests.</remarks>
    public void At(string isoDate, int hour = 10)
    {
        var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Time.AdjustTime(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), Shanghai));
    }

    /// <summary>The owner unit of every case <see cref="OpenAsync"/> opens.</summary>
    public const string OwnerUnit = "市城投集团";

    /// <summary>The routing <see cref="RegisterAsync"/> gives a project unless told otherwise.</summary>
    public const string ResponsibleUnit = "高新区管委会";

    public const string IndustryDepartment = "住建局";

    public const string LeaderInCharge = "张副市长";

    /// <summary>DRC staff; their subject is what OpenAsync's cases record as opened_by.</summary>
    public static readonly Caller Clerk = TestTokens.Drc with { Subject = "drc-clerk" };

    public static readonly Caller Owner = TestTokens.Owner(OwnerUnit, "owner-1");

    public static CallOptions As(Caller caller) => TestTokens.As(caller);

    /// <summary>The caller that acts for an approving department of the default rules: DRC staff for the DRC's own
    /// entry, else that department's token (unit = its name, as projects spell it).</summary>
    public static Caller DepartmentCaller(string departmentId, string? subject = null) =>
        departmentId == Domain.Department.Drc.Id
            ? TestTokens.Drc with { Subject = subject ?? TestTokens.Drc.Subject }
            : TestTokens.Department(DepartmentName(departmentId), subject);

    public static string DepartmentName(string departmentId) =>
        Domain.ApprovalRules.Default.Items.Values.SelectMany(r => r.Departments).First(d => d.Id == departmentId).Name;

    public static CallOptions AsDepartment(string departmentId, string? subject = null) => As(DepartmentCaller(departmentId, subject));

    public async Task<T> WithDbAsync<T>(Func<ApprovalDbContext, Task<T>> read)
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ApprovalDbContext>());
    }

    /// <summary>Every stored row that a request could change, as text, to prove a rejected request changed nothing.</summary>
    public Task<string> SnapshotAsync() => WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        foreach (var c in await db.Cases.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{c.Id}|{c.ProjectId}|{c.TotalInvestment}|{c.CompletedPublished}");
        }

        foreach (var i in await db.Items.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i.Id}|{i.State}|{i.OverdueNotifiedPeriod}|{i.OverdueOpen}|{i.DueSoonNotifiedPeriod}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"timeline={await db.Timeline.CountAsync()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"outbox={await db.Set<OutboxMessage>().CountAsync()}");
        return text.ToString();
    });

    /// <summary>One case's stored state (versions, item states, timeline length), to prove a refused write changed none of it.</summary>
    public Task<string> CaseStateAsync(string caseId) => WithDbAsync(async db =>
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Items).ThenInclude(i => i.Timeline).SingleAsync(x => x.Id == caseId);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"version={c.Version} completed={c.CompletedPublished}");
        foreach (var i in c.Items.OrderBy(i => i.Id))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i.Kind}|{i.State}|v{i.Version}|timeline={i.Timeline.Count}");
        }

        return text.ToString();
    });

    /// <summary>Whether the case is on any page the caller can list.</summary>
    public async Task<bool> ListedAsync(string caseId, CallOptions options)
    {
        var token = "";
        do
        {
            var page = await Approvals.ListCasesAsync(new ListCasesRequest { PageSize = 100, PageToken = token }, options);
            if (page.Cases.Any(c => c.CaseId == caseId))
            {
                return true;
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return false;
    }

    /// <summary>Events of one type for one case, as written to the outbox.</summary>
    public Task<List<OutboxMessage>> OutboxAsync<TEvent>(string caseId) => WithDbAsync(async db =>
    {
        var type = typeof(TEvent).FullName!;
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
        return messages.Where(m => m.Payload.Contains($"\"caseId\":\"{caseId}\"", StringComparison.Ordinal)).ToList();
    });

    /// <summary>Opens, as DRC staff, the case of a new project the registry announced with the default routing.</summary>
    public async Task<ApprovalCase> OpenAsync(string investment, bool governmentInvested = false, bool greenChannel = false)
    {
        var project = await RegisterAsync(NewProjectId());
        return await Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = project.ProjectId,
            TotalInvestment = new Decimal { Value = investment },
            GovernmentInvested = governmentInvested,
            GreenChannel = greenChannel,
            OwnerUnit = OwnerUnit,
        }, As(Clerk));
    }

    public static string NewProjectId() => "P-" + Guid.NewGuid().ToString("N")[..12];

    public static ProjectRouting Routing(
        string projectId, string ownerUnit = OwnerUnit, string responsibleUnit = ResponsibleUnit,
        string industryDepartment = IndustryDepartment, string leaderInCharge = LeaderInCharge) =>
        new(projectId, "项目" + projectId, ownerUnit, responsibleUnit, industryDepartment, leaderInCharge, "高新区");

    /// <summary>Publishes ProjectRegistered on the host's bus, as the registry would, and waits until it is consumed.</summary>
    public async Task<ProjectRouting> RegisterAsync(
        string projectId, string ownerUnit = OwnerUnit, string responsibleUnit = ResponsibleUnit,
        string industryDepartment = IndustryDepartment, string leaderInCharge = LeaderInCharge)
    {
        var routing = Routing(projectId, ownerUnit, responsibleUnit, industryDepartment, leaderInCharge);
        await PublishAsync(new ProjectRegistered(
            Guid.NewGuid(), Time.GetUtcNow(), routing, "MUNICIPAL_MAJOR", "PRE_CONSTRUCTION", 5000m, 1000m,
            new DateOnly(2026, 3, 1), new DateOnly(2027, 12, 31), "drc-clerk"));
        await RoutedAsync(routing);
        return routing;
    }

    public Task PublishAsync<T>(T message)
        where T : class => _host!.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Waits until the approval service's routing copy of the project equals <paramref name="routing"/>.</summary>
    public Task RoutedAsync(ProjectRouting routing) => EventuallyAsync(
        () => WithDbAsync(db => db.ProjectRoutes.AsNoTracking().AnyAsync(r =>
            r.ProjectId == routing.ProjectId && r.OwnerUnit == routing.OwnerUnit && r.ResponsibleUnit == routing.ResponsibleUnit
            && r.IndustryDepartment == routing.IndustryDepartment && r.LeaderInCharge == routing.LeaderInCharge)),
        $"the routing of {routing.ProjectId} to be consumed");

    /// <summary>Waits until <paramref name="condition"/> holds (events travel the bus asynchronously).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(10);
        }
    }

    public static DocumentReference Doc(string name, string? content = null) => new()
    {
        Name = name,
        Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content ?? name))).ToLowerInvariant(),
        SizeBytes = 2048,
        Location = $"approvals/{name}",
    };
}

[CollectionDefinition(Name)]
public sealed class ApprovalServiceCollection : ICollectionFixture<ApprovalServiceFixture>
{
    public const string Name = "approval service";
}
