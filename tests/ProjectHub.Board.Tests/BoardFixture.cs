using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Playwright;
using ProjectHub.ClientDefaults;
using ProjectHub.Registry.V1;
using ProjectHub.Security;
using EscalationApi = ProjectHub.Escalation.V1.Escalation;
using RegistryApi = ProjectHub.Registry.V1.ProjectRegistry;

namespace ProjectHub.Board.Tests;

/// <summary>
/// The whole system for the browser tests: the embedded services (child process, free ports, throw-away SQLite) with
/// the demo data plus two test projects, the board host (child process) and Debian's headless Chromium driven by
/// Playwright. Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public sealed class BoardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string LeaderId = "测试副市长";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _data = Directory.CreateTempSubdirectory("projecthub-board-").FullName;
    private HostProcess? _services;
    private HostProcess? _board;
    private GrpcChannel? _registryChannel;
    private GrpcChannel? _escalationChannel;
    private IPlaywright? _playwright;

    public string BoardUrl { get; private set; } = "";

    /// <summary>The services' addresses, for a second board host started by a test.</summary>
    public string RegistryUrl { get; private set; } = "";

    public string EscalationUrl { get; private set; } = "";

    /// <summary>Where a test's own host process may write.</summary>
    public string DataDirectory => _data;

    public RegistryApi.ProjectRegistryClient Registry { get; private set; } = null!;

    public EscalationApi.EscalationClient Escalation { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Green at the start; the live-card test makes it lag.</summary>
    public Project LiveCardProject { get; private set; } = null!;

    /// <summary>Green at the start, led by <see cref="LeaderId"/>; the alert test makes it lag.</summary>
    public Project AlertProject { get; private set; } = null!;

    /// <summary>The owner unit of the two test projects: it submits their weekly reports.</summary>
    public const string OwnerUnit = "测试城投公司";

    public static readonly Caller Drc = new("board-tests", Roles.Drc);
    public static readonly Caller Inspector = new("board-tests", Roles.Inspector);
    public static readonly Caller Owner = new(OwnerUnit, Roles.Owner, OwnerUnit);

    /// <summary>Reads as the inspector (everything, writes nothing); writes name the role that may make them.</summary>
    public static CallOptions Options => As(Inspector);

    /// <summary>A development token for <paramref name="caller"/>: the embedded services run with Auth:Mode=Development.</summary>
    public static CallOptions As(Caller caller) =>
        new(headers: new Metadata { { "authorization", "Bearer " + DevelopmentTokens.Mint(caller, DateTimeOffset.UtcNow) } },
            deadline: DateTime.UtcNow.AddSeconds(30));

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's headless Chromium at {ChromiumPath}: install the Debian package 'chromium' (apt-get install -y chromium).");
        }

        int registry = HostProcess.FreePort(), approval = HostProcess.FreePort(), escalation = HostProcess.FreePort(), board = HostProcess.FreePort();
        _services = HostProcess.Start("ProjectHub.Embedded.dll", _data,
            $"--Services:Registry:Port={registry}", $"--Services:Approval:Port={approval}",
            $"--Services:Escalation:Port={escalation}", $"--Database:Directory={_data}",
            $"--Services:Board:Port={HostProcess.FreePort()}");
        RegistryUrl = $"http://127.0.0.1:{registry}";
        EscalationUrl = $"http://127.0.0.1:{escalation}";
        _registryChannel = Channels.For(RegistryUrl, RegistryApi.Descriptor);
        _escalationChannel = Channels.For(EscalationUrl, EscalationApi.Descriptor);
        Registry = new RegistryApi.ProjectRegistryClient(_registryChannel.WithDefaults());
        Escalation = new EscalationApi.EscalationClient(_escalationChannel.WithDefaults());
        await WaitUntilAsync("the embedded services", _services, async () =>
        {
            await Registry.GetServiceInfoAsync(new GetServiceInfoRequest(), Options);
            await Escalation.GetServiceInfoAsync(new ProjectHub.Escalation.V1.GetServiceInfoRequest(), Options);
        });

        var seeded = await ProjectHub.Registry.Demo.DemoSeeder.RunAsync(["--registry", $"http://127.0.0.1:{registry}"]);
        Assert.Equal(0, seeded);
        LiveCardProject = await RegisterGreenAsync("测试区快速路改造项目", "测试交通局", "测试区", "测试分管领导");
        AlertProject = await RegisterGreenAsync("测试区安置房项目", "测试住建局", "测试区", LeaderId);

        _board = HostProcess.Start("ProjectHub.Board.dll", _data,
            $"--Services:Board:Port={board}", $"--Board:Registry=http://127.0.0.1:{registry}",
            $"--Board:Escalation=http://127.0.0.1:{escalation}", "--Board:PollSeconds=1",
            // Beside the embedded services, as in development: the board mints its own reader and acknowledgement tokens.
            "--Auth:Mode=Development");
        BoardUrl = $"http://127.0.0.1:{board}";
        using var http = new HttpClient();
        await WaitUntilAsync("the board", _board, async () => (await http.GetAsync(new Uri(BoardUrl + "/"))).EnsureSuccessStatusCode());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            BaseURL = BoardUrl,
        });
        return await context.NewPageAsync();
    }

    /// <summary>This week's report at <paramref name="percent"/> (replacing an earlier one of the same week).</summary>
    public async Task<SubmitProgressReportResponse> ReportAsync(Project project, decimal percent) =>
        await Registry.SubmitProgressReportAsync(new SubmitProgressReportRequest
        {
            Report = new ProgressReport
            {
                ProjectId = project.Id,
                PeriodStart = Date(Monday),
                PeriodEnd = Date(Monday.AddDays(6)),
                CumulativePercent = Dec(percent),
                PeriodInvestment = Dec(100m),
                CumulativeInvestment = Dec(2000m),
                Workers = 120,
                State = ConstructionState.Normal,
                Narrative = "测试填报",
            },
        }, As(Owner));

    /// <summary>
    /// This week's report at <paramref name="percent"/> submitted the way an owner does it: through the projecthub CLI
    /// (its real entry point, in-process) with a report file.
    /// </summary>
    public async Task<SubmitProgressReportResponse> ReportThroughCliAsync(Project project, decimal percent)
    {
        var report = new ProgressReport
        {
            ProjectId = project.Id,
            PeriodStart = Date(Monday),
            PeriodEnd = Date(Monday.AddDays(6)),
            CumulativePercent = Dec(percent),
            PeriodInvestment = Dec(100m),
            CumulativeInvestment = Dec(2000m),
            Workers = 120,
            State = ConstructionState.Slowed,
            Narrative = "征迁受阻，进度滞后",
        };
        var file = Path.Combine(_data, $"report-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Google.Protobuf.JsonFormatter.Default.Format(report));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ProjectHub.Cli.CliApp.RunAsync(
            ["report", "submit", "--file", file, "--output", "json", "--registry", new Uri(RegistryUrl).Authority,
              "--token", DevelopmentTokens.Mint(Owner, DateTimeOffset.UtcNow)],
            output, error, new NoConfig(Path.Combine(_data, "cli-config.json")));
        Assert.True(code == 0, $"projecthub report submit exited {code}: {error}");
        return Google.Protobuf.JsonParser.Default.Parse<SubmitProgressReportResponse>(output.ToString());
    }

    /// <summary>The CLI's settings for tests: no environment, no config file, never interactive.</summary>
    private sealed class NoConfig(string configFilePath) : ProjectHub.Cli.IConfigSource
    {
        public string? GetEnvironmentVariable(string name) => null;

        public string ConfigFilePath => configFilePath;

        public bool IsInteractive => false;
    }

    public string Diagnostics() => $"--- services ---\n{_services?.Output}\n--- board ---\n{_board?.Output}";

    /// <summary>What the embedded services and the board host have logged so far.</summary>
    public string ServicesOutput => _services?.Output ?? "";

    public string BoardOutput => _board?.Output ?? "";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _registryChannel?.Dispose();
        _escalationChannel?.Dispose();
        if (_board is not null)
        {
            await _board.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    // The registry's "today" is Shanghai's; reports are weekly, Monday to Sunday.
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static DateOnly Monday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ProjectHub.Type.V1.Decimal Dec(decimal v) => new() { Value = v.ToString(CultureInfo.InvariantCulture) };

    private async Task<Project> RegisterGreenAsync(string name, string unit, string locality, string leader)
    {
        var project = await Registry.RegisterProjectAsync(new RegisterProjectRequest
        {
            Stage = ProjectStage.UnderConstruction,
            Project = new ProjectFields
            {
                Name = name,
                Tier = ProjectTier.MunicipalMajor,
                Industry = "城市建设",
                Locality = locality,
                OwnerUnit = OwnerUnit,
                ResponsibleUnit = unit,
                IndustryDepartment = "测试主管部门",
                LeaderInCharge = leader,
                ResponsiblePerson = "王测试",
                ResponsibleContact = "13900000000",
                TotalInvestment = Dec(20000m),
                YearPlannedInvestment = Dec(5000m),
                PlannedStart = Date(Today.AddDays(-200)),
                PlannedCompletion = Date(Today.AddDays(300)),
                Baseline = new Baseline(),
            },
        }, As(Drc));
        var planned = decimal.Parse(project.Light.PlannedPercent.Value, CultureInfo.InvariantCulture);
        var response = await ReportAsync(project, planned);
        Assert.Equal(Light.Green, response.Light.Light);
        return await Registry.GetProjectAsync(new GetProjectRequest { ProjectId = project.Id }, Options);
    }

    public static async Task WaitUntilAsync(string what, HostProcess process, Func<Task> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception e) when (e is RpcException or HttpRequestException)
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"{what} did not start: {e.Message}\n{process.Output}", e);
                }

                await Task.Delay(250);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BoardCollection : ICollectionFixture<BoardFixture>
{
    public const string Name = "board";
}
