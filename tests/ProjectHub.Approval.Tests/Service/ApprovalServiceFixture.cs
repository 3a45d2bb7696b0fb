using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProjectHub.Approval.Client;
using ProjectHub.Approval.Overdue;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.V1;
using ProjectHub.Grpc;
using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Messaging;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>The real approval host on a free port with a SQLite file in a temp directory and a hand-set clock.</summary>
public sealed class ApprovalServiceFixture : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "approval-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private GrpcChannel? _channel;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));

    public ApprovalsClient Approvals { get; private set; } = null!;

    public WorkingCalendarClient Calendar { get; private set; } = null!;

    public OverdueSweep Sweep => _app!.Services.GetRequiredService<OverdueSweep>();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Approval:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Database:Directory"] = _directory,
        });
        builder.AddProjectHubDefaults();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
        builder.AddApprovalService();
        builder.AddProjectHubBus();
        _app = builder.Build();
        await _app.Services.InitializeDatabasesAsync();
        _app.UseProjectHub();
        await _app.StartAsync();
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Approvals = new ApprovalsClient(_channel);
        Calendar = new WorkingCalendarClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Sets the clock to <paramref name="hour"/>:00 Asia/Shanghai on <paramref name="isoDate"/>.</summary>
    public void At(string isoDate, int hour = 10)
    {
        var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Time.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), Shanghai));
    }

    public static CallOptions As(string actor) => new(new Metadata { { "x-actor", actor } });

    public async Task<T> WithDbAsync<T>(Func<ApprovalDbContext, Task<T>> read)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
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

    /// <summary>Events of one type for one case, as written to the outbox.</summary>
    public Task<List<OutboxMessage>> OutboxAsync<TEvent>(string caseId) => WithDbAsync(async db =>
    {
        var type = typeof(TEvent).FullName!;
        var messages = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Type == type).ToListAsync();
        return messages.Where(m => m.Payload.Contains($"\"caseId\":\"{caseId}\"", StringComparison.Ordinal)).ToList();
    });

    public async Task<ApprovalCase> OpenAsync(string investment, bool governmentInvested = false, bool greenChannel = false) =>
        await Approvals.OpenCaseAsync(new OpenCaseRequest
        {
            ProjectId = "P-" + Guid.NewGuid().ToString("N")[..12],
            TotalInvestment = new V1.Decimal { Value = investment },
            GovernmentInvested = governmentInvested,
            GreenChannel = greenChannel,
            OwnerUnit = "市城投集团",
        }, As("drc-clerk"));

    public static DocumentReference Doc(string name, string? content = null) => new()
    {
        Name = name,
        Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content ?? name))).ToLowerInvariant(),
        SizeBytes = 2048,
        Location = $"approvals/{name}",
    };

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

[CollectionDefinition(Name)]
public sealed class ApprovalServiceCollection : ICollectionFixture<ApprovalServiceFixture>
{
    public const string Name = "approval service";
}
