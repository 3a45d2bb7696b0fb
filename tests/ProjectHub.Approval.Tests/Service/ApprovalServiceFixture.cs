using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectHub.Approval.Client;
using ProjectHub.Approval.Overdue;
using ProjectHub.Approval.Persistence;
using ProjectHub.Approval.V1;
using ProjectHub.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Testing;

namespace ProjectHub.Approval.Tests.Service;

/// <summary>The real approval host on a free port with a SQLite file in a temp directory and a hand-set clock.</summary>
public sealed class ApprovalServiceFixture : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private ServiceTestHost? _host;

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero));

    public ApprovalsClient Approvals { get; private set; } = null!;

    public WorkingCalendarClient Calendar { get; private set; } = null!;

    public OverdueSweep Sweep => _host!.Services.GetRequiredService<OverdueSweep>();

    public async Task InitializeAsync()
    {
        _host = await ServiceTestHost.StartAsync("Approval", b => b.AddApprovalService(), Time);
        Approvals = new ApprovalsClient(_host.Channel);
        Calendar = new WorkingCalendarClient(_host.Channel);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Sets the clock to <paramref name="hour"/>:00 Asia/Shanghai on <paramref name="isoDate"/>.</summary>
    public void At(string isoDate, int hour = 10)
    {
        var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Time.Set(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), Shanghai));
    }

    public static CallOptions As(string actor) => new(new Metadata { { "x-actor", actor } });

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
}

[CollectionDefinition(Name)]
public sealed class ApprovalServiceCollection : ICollectionFixture<ApprovalServiceFixture>
{
    public const string Name = "approval service";
}
