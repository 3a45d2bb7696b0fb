using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Approval;
using ProjectHub.Escalation;
using ProjectHub.Escalation.Persistence;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Projects;
using ProjectHub.Registry;
using ProjectHub.Testing;
using ApprovalV1 = ProjectHub.Approval.V1;
using EscalationV1 = ProjectHub.Escalation.V1;
using RegistryV1 = ProjectHub.Registry.V1;
using TypeV1 = ProjectHub.Type.V1;

namespace ProjectHub.BadInput.Tests.Hosting;

/// <summary>
/// The registry, approval and escalation services, each on its own port with its own SQLite files, seeded with a
/// little valid data (a project, an approval case, a problem and its alert) so hostile requests can carry real ids.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xUnit disposes a fixture through IAsyncLifetime.DisposeAsync, which disposes the lock.")]
public sealed class ServicesFixture : IAsyncLifetime
{
    /// <summary>Monday 2026-03-02 10:00 in Shanghai; the clock stays there so no sweep moves anything mid-test.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static int _sequence;

    private ServiceTestHost? _registry;
    private ServiceTestHost? _approval;
    private ServiceTestHost? _escalation;

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Admin, so authorization never hides validation.</summary>
    public static CallOptions Admin(TimeSpan timeout) => TestTokens.As(TestTokens.Admin).WithDeadline(DateTime.UtcNow + timeout);

    public RegistryV1.ProjectRegistry.ProjectRegistryClient Registry { get; private set; } = null!;
    public ApprovalV1.Approvals.ApprovalsClient Approvals { get; private set; } = null!;
    public EscalationV1.Escalation.EscalationClient Escalation { get; private set; } = null!;

    public string ProjectId { get; private set; } = "";
    public string CaseId { get; private set; } = "";
    public string ProblemId { get; private set; } = "";
    public string AlertId { get; private set; } = "";
    public string RecipientId { get; private set; } = "";

    public IEnumerable<ServiceTestHost> Hosts => [_registry!, _approval!, _escalation!];

    public async Task InitializeAsync()
    {
        _registry = await ServiceTestHost.StartAsync(RegistryServiceRegistration.Module, Clock, Quiet());
        _approval = await ServiceTestHost.StartAsync(ApprovalServiceRegistration.Module, Clock, Quiet());
        _escalation = await ServiceTestHost.StartAsync(EscalationServiceRegistration.Module, Clock,
            Quiet(("Escalation:Sweep:Enabled", "false"), ("Escalation:Alerts:PollSeconds", "1")));
        // The plain channels: every call here carries its own admin token and deadline (Admin(timeout)).
        Registry = new RegistryV1.ProjectRegistry.ProjectRegistryClient(_registry.Channel);
        Approvals = new ApprovalV1.Approvals.ApprovalsClient(_approval.Channel);
        Escalation = new EscalationV1.Escalation.EscalationClient(_escalation.Channel);

        ProjectId = await NewProjectAsync();
        CaseId = await NewCaseAsync();
        ProblemId = await NewProblemAsync();
        var alert = await InEscalationDb(db => db.Alerts.AsNoTracking().OrderBy(a => a.Sequence).FirstAsync());
        AlertId = alert.AlertId;
        RecipientId = alert.RecipientId;
        await SettleAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _registry, _approval, _escalation })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        _sharedLock.Dispose();
    }

    /// <summary>The host serving a service of projecthub.*.v1 (the calendar is served by the approval host).</summary>
    public ServiceTestHost HostOf(Google.Protobuf.Reflection.ServiceDescriptor service) => service.File.Package switch
    {
        "projecthub.registry.v1" => _registry!,
        "projecthub.approval.v1" or "projecthub.calendar.v1" => _approval!,
        "projecthub.escalation.v1" => _escalation!,
        var other => throw new InvalidOperationException($"No host serves package {other}; add it to {nameof(ServicesFixture)}."),
    };

    /// <summary>The host's "Grpc:Server:MaxReceiveMessageSize" (the limit Grpc.AspNetCore enforces on requests).</summary>
    public static int MaxReceiveMessageSize(ServiceTestHost host) =>
        host.Services.GetRequiredService<GrpcServerSettings>().MaxReceiveMessageSize;

    /// <summary>All rows of all three services' databases.</summary>
    public async Task<DatabaseSnapshot> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var host in Hosts)
        {
            text.Append((await SnapshotAsync(host)).Text);
        }

        return new DatabaseSnapshot(text.ToString());
    }

    /// <summary>
    /// All rows of one service's databases. Enough around a call to that service: here each host has its own
    /// in-memory bus, so a call cannot reach another service's database.
    /// </summary>
    public static Task<DatabaseSnapshot> SnapshotAsync(ServiceTestHost host) =>
        DatabaseSnapshot.TakeAsync(host.Services.GetRequiredService<IConfiguration>()["Database:Directory"]
            ?? throw new InvalidOperationException("The test host has no Database:Directory."));

    /// <summary>
    /// One project per <paramref name="purpose"/>, made on first use: for requests that may be repeated on the same
    /// project (updates, replans, reports), so the registry does not grow by a project per case.
    /// </summary>
    public async Task<string> SharedProjectAsync(string purpose)
    {
        await _sharedLock.WaitAsync();
        try
        {
            if (!_shared.TryGetValue(purpose, out var id))
            {
                id = await NewProjectAsync();
                _shared[purpose] = id;
            }

            return id;
        }
        finally
        {
            _sharedLock.Release();
        }
    }

    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sharedLock = new(1, 1);

    /// <summary>Waits until background work (the outbox relay, bus consumers) stops changing the databases.</summary>
    public async Task SettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var previous = await SnapshotAsync();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(40);
            var current = await SnapshotAsync();
            if (current == previous)
            {
                return;
            }

            previous = current;
        }
    }

    /// <summary>A fresh project under construction, for requests that change a project's state.</summary>
    public async Task<string> NewProjectAsync()
    {
        var project = await Registry.RegisterProjectAsync(new RegistryV1.RegisterProjectRequest
        {
            Project = ProjectFields($"坏输入测试项目{Interlocked.Increment(ref _sequence)}"),
            Stage = RegistryV1.ProjectStage.UnderConstruction,
        }, Admin(TimeSpan.FromSeconds(30)));
        await SeedRouteAsync(project.Id, project.Fields);
        return project.Id;
    }

    public static RegistryV1.ProjectFields ProjectFields(string name) => new()
    {
        Name = name,
        Tier = RegistryV1.ProjectTier.MunicipalMajor,
        Industry = "城市建设",
        Locality = "鼓楼区",
        OwnerUnit = "市城投集团",
        ResponsibleUnit = "市住建局",
        IndustryDepartment = "住建局",
        LeaderInCharge = "张副市长",
        ResponsiblePerson = "王工",
        ResponsibleContact = "13800000000",
        TotalInvestment = new TypeV1.Decimal { Value = "5000" },
        YearPlannedInvestment = new TypeV1.Decimal { Value = "1000" },
        PlannedStart = "2025-09-01",
        PlannedCompletion = "2026-08-31",
        Baseline = new RegistryV1.Baseline
        {
            Milestones =
            {
                new RegistryV1.Milestone
                {
                    Name = "主体结构封顶", PlannedDate = "2026-03-31", CumulativePercent = new TypeV1.Decimal { Value = "60" },
                },
            },
        },
    };

    /// <summary>A fresh approval case; its construction permit submitted unless told not to, and accepted if asked.</summary>
    public async Task<string> NewCaseAsync(bool submit = true, bool accept = false)
    {
        var opened = await Approvals.OpenCaseAsync(new ApprovalV1.OpenCaseRequest
        {
            ProjectId = $"P-BADINPUT-SEED-{Interlocked.Increment(ref _sequence)}",
            TotalInvestment = new TypeV1.Decimal { Value = "5000" },
            OwnerUnit = "市城投集团",
        }, Admin(TimeSpan.FromSeconds(30)));
        if (submit || accept)
        {
            await Approvals.SubmitItemAsync(new ApprovalV1.SubmitItemRequest
            {
                CaseId = opened.CaseId, Kind = ApprovalV1.ItemKind.ConstructionPermit, Documents = { Document("permit.pdf") },
            }, Admin(TimeSpan.FromSeconds(30)));
        }

        if (accept)
        {
            await Approvals.AcceptItemAsync(new ApprovalV1.AcceptItemRequest
            {
                CaseId = opened.CaseId, Kind = ApprovalV1.ItemKind.ConstructionPermit, DepartmentId = "HOUSING_CONSTRUCTION",
            }, Admin(TimeSpan.FromSeconds(30)));
        }

        return opened.CaseId;
    }

    public static ApprovalV1.DocumentReference Document(string name) => new()
    {
        Name = name,
        Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant(),
        SizeBytes = 2048,
        Location = $"approvals/{name}",
    };

    /// <summary>A fresh open problem on the seeded project; <paramref name="resolved"/> resolves it (for reopening).</summary>
    public async Task<string> NewProblemAsync(bool resolved = false)
    {
        var problem = await Escalation.RaiseProblemAsync(new EscalationV1.RaiseProblemRequest
        {
            ProjectId = ProjectId, Category = EscalationV1.ProblemCategory.Land, Description = "征迁未完成，主线施工受阻",
        }, Admin(TimeSpan.FromSeconds(30)));
        if (resolved)
        {
            await Escalation.ResolveProblemAsync(new EscalationV1.ResolveProblemRequest
            {
                ProblemId = problem.Id, Resolution = "已协调完成征迁",
            }, Admin(TimeSpan.FromSeconds(30)));
        }

        return problem.Id;
    }

    /// <summary>Tells the escalation service who is responsible for a project, as the registry's events would.</summary>
    private Task<int> SeedRouteAsync(string projectId, RegistryV1.ProjectFields fields) => InEscalationDb(async db =>
    {
        if (!await db.ProjectRoutes.AnyAsync(r => r.ProjectId == projectId))
        {
            db.ProjectRoutes.Add(new ProjectRoute
            {
                ProjectId = projectId, ProjectName = fields.Name, ResponsibleUnit = fields.ResponsibleUnit, OwnerUnit = fields.OwnerUnit,
                IndustryDepartment = fields.IndustryDepartment, LeaderInCharge = fields.LeaderInCharge,
                UpdatedAtUnixMs = Clock.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            await db.SaveChangesAsync();
        }

        return 0;
    });

    private async Task<T> InEscalationDb<T>(Func<EscalationDbContext, Task<T>> use)
    {
        await using var scope = _escalation!.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<EscalationDbContext>());
    }

    private static Dictionary<string, string?> Quiet(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            // Refusals are the point here; their warnings would only bury a real failure's log.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:MassTransit"] = "Error",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "three services";
}
