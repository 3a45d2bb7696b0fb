using System.Globalization;
using Grpc.Core;
using ProjectHub.ClientDefaults;
using ProjectHub.Domain;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.V1;
using ProjectHub.Wire;
using Planned = ProjectHub.Registry.Domain.Projects;
using V1 = ProjectHub.Registry.V1;

namespace ProjectHub.Registry.Demo;

/// <summary>
/// <c>seed-demo [--registry http://127.0.0.1:5101] [--token JWT]</c>: loads about fifty believable key projects into a
/// running registry through its public gRPC API (so the same rules, permissions and audit apply), arranged so every light shows at once:
/// green on plan, yellow and red lag, long suspension, overdue milestones, start passed and not started, plus
/// reserve, completed and not-yet-reporting projects. Dates are relative to today so the picture holds any day.
/// </summary>
public static class DemoSeeder
{
    public const string Command = "seed-demo";
    public const string TokenVariable = "PROJECTHUB_TOKEN";
    private const string Actor = "demo-seed";
    private const string Marker = "（示范）";
    private const string MilestoneName = "主体结构封顶";

    public const string Help = $"""
        ProjectHub.Registry seed-demo — loads demo projects into a running registry over gRPC, then exits.

        Usage: ProjectHub.Registry seed-demo [--registry URL] [--token JWT]

          --registry URL   the registry's gRPC address (http://127.0.0.1:5101)
          --token JWT      bearer token sent with every call [env {TokenVariable}]. It registers projects, so it
                           must be a drc or admin token; progress reports are the owners' (or admin's), so with one
                           token for everything give an admin token.

        Without a token it mints development tokens (the public development key; subject "{Actor}"): a drc token
        for registering and stage changes, and an owner token per owner unit for the progress reports. Only a
        registry running with Auth:Mode=Development accepts them.
        """;

    private sealed record Kind(string Department, string ResponsibleUnit, string Owner, string Leader, string Industry, string[] Names);

    private static readonly Kind[] Kinds =
    [
        new("住建局", "市住建局", "市城投集团", "张副市长", "城市建设", ["安置房二期", "老旧小区改造", "保障性租赁住房", "体育中心", "城市更新片区", "地下综合管廊"]),
        new("交通局", "市交通运输局", "市交通建设集团", "李副市长", "交通", ["快速路", "互通立交", "公交枢纽站", "国道改线", "跨江大桥", "港区疏港公路"]),
        new("水利局", "市水利局", "市水务集团", "张副市长", "水利", ["防洪堤加固", "水库除险加固", "供水管网改造", "污水处理厂提标", "内河综合整治"]),
        new("发改委", "市发改委", "市产业投资集团", "王副市长", "产业", ["数字经济产业园", "现代物流园", "会展中心", "冷链物流基地", "新能源装备产业园"]),
        new("卫健委", "市卫健委", "市医疗投资公司", "陈副市长", "社会事业", ["人民医院新院区", "妇幼保健院", "疾控中心实验楼"]),
        new("教育局", "市教育局", "市教育投资公司", "陈副市长", "社会事业", ["第一中学新校区", "实验小学", "职业技术学院实训基地"]),
    ];

    private static readonly string[] Localities = ["鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区", "闽侯县", "连江县"];

    /// <summary>What each demo project should look like today.</summary>
    private enum Shape { Green, YellowLag, RedLag, Suspended, MilestoneRed, MilestoneYellow, StartPassed, NotStartedLong, PreGreen, Silent, Reserve, Completed }

    private static readonly (Shape Shape, int Count)[] Plan =
    [
        (Shape.Green, 18), (Shape.YellowLag, 6), (Shape.RedLag, 5), (Shape.Suspended, 3), (Shape.MilestoneRed, 2),
        (Shape.MilestoneYellow, 2), (Shape.StartPassed, 3), (Shape.NotStartedLong, 2), (Shape.PreGreen, 3),
        (Shape.Silent, 3), (Shape.Reserve, 3), (Shape.Completed, 2),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            Console.WriteLine(Help);
            return 0;
        }

        var address = Option(args, "--registry") ?? "http://127.0.0.1:5101";
        var tokens = DemoTokens.From(Option(args, "--token") ?? Environment.GetEnvironmentVariable(TokenVariable), Actor);
        if (tokens.Minted)
        {
            Console.WriteLine($"No --token or {TokenVariable}: using development tokens (drc, and owner per unit), which only a registry in Auth:Mode=Development accepts.");
        }

        // The client defaults: a deadline on every call (the seeder waits on nothing longer) and retried reads.
        using var channel = Channels.For(address, RegistryReflection.Descriptor.Services[0]);
        try
        {
            return await SeedAsync(new V1.ProjectRegistry.ProjectRegistryClient(channel.WithDefaults()), tokens, address);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            // The usual first-run mistake (a production registry, or a token of the wrong role): say what to do.
            Console.Error.WriteLine($"The registry at {address} refused the seeder: {e.Status.Detail} See seed-demo --help for tokens.");
            return 1;
        }
    }

    private static async Task<int> SeedAsync(V1.ProjectRegistry.ProjectRegistryClient client, DemoTokens tokens, string address)
    {
        var options = tokens.Manager;
        var existing = await client.ListProjectsAsync(new ListProjectsRequest { NameContains = Marker, PageSize = 1 }, options);
        if (existing.Projects.Count > 0)
        {
            Console.WriteLine($"Demo data is already loaded in {address} (projects named …{Marker}); nothing done.");
            return 0;
        }

        var today = TimeProvider.System.Today();
        var monday = ReportCadence.Weekly.PeriodContaining(today).Start;
        var random = new Random(20200301); // fixed seed: the same demo every time
        var n = 0;
        foreach (var (shape, count) in Plan)
        {
            for (var i = 0; i < count; i++, n++)
            {
                var kind = Kinds[n % Kinds.Length];
                var locality = Localities[(n * 3) % Localities.Length];
                var name = $"{locality}{kind.Names[(n / Kinds.Length) % kind.Names.Length]}项目{Marker}";
                await LoadAsync(client, tokens, shape, kind, locality, name, n, today, monday, random);
            }
        }

        var board = await client.GetBoardAsync(new GetBoardRequest(), options);
        Console.WriteLine($"Loaded {n} demo projects into {address}: red {board.Totals.Red}, yellow {board.Totals.Yellow}, green {board.Totals.Green}, no light {board.Totals.Unlit}.");
        return 0;
    }

    private static async Task LoadAsync(V1.ProjectRegistry.ProjectRegistryClient client, DemoTokens tokens, Shape shape, Kind kind,
        string locality, string name, int n, DateOnly today, DateOnly monday, Random random)
    {
        var options = tokens.Manager;
        var total = 8000m + (random.Next(1, 60) * 5000m);
        var (start, completion) = shape switch
        {
            Shape.StartPassed => (today.AddDays(-40), today.AddDays(700)),
            Shape.NotStartedLong => (today.AddDays(-200 - (n % 3 * 10)), today.AddDays(600)),
            Shape.PreGreen or Shape.Reserve => (today.AddDays(60 + (n % 5 * 15)), today.AddDays(900)),
            _ => (today.AddDays(-200), today.AddDays(300)),
        };
        var fields = new ProjectFields
        {
            Name = name,
            Tier = (ProjectTier)(1 + (n % 4)),
            Industry = kind.Industry,
            Locality = locality,
            OwnerUnit = n % 3 == 0 ? $"{locality}城市建设投资有限公司" : kind.Owner,
            ResponsibleUnit = kind.ResponsibleUnit,
            IndustryDepartment = kind.Department,
            LeaderInCharge = kind.Leader,
            ResponsiblePerson = Person(n),
            ResponsibleContact = $"1390591{n:D4}",
            TotalInvestment = Money(total),
            YearPlannedInvestment = Money(Math.Round(total * 0.25m)),
            PlannedStart = WireDate.ToWire(start),
            PlannedCompletion = WireDate.ToWire(completion),
            Baseline = new V1.Baseline(),
        };
        var milestoneDate = shape switch
        {
            Shape.MilestoneRed => today.AddDays(-45),
            Shape.MilestoneYellow => today.AddDays(-10),
            _ => today.AddDays(-100),
        };
        var milestones = new List<Planned.Milestone>();
        if (start < milestoneDate)
        {
            milestones.Add(new Planned.Milestone(MilestoneName, milestoneDate, 35m));
        }

        var stage = shape switch
        {
            Shape.StartPassed or Shape.NotStartedLong or Shape.PreGreen => ProjectStage.PreConstruction,
            Shape.Reserve => ProjectStage.Reserve,
            _ => ProjectStage.UnderConstruction,
        };
        var weeks = shape == Shape.Suspended ? 4 : 3;
        var reports = stage == ProjectStage.UnderConstruction && shape != Shape.Silent;
        var plan = new Planned.ProjectSchedule(start, completion, new Planned.Baseline(milestones));
        var request = new RegisterProjectRequest { Project = fields, Stage = stage };
        if (reports)
        {
            // The registry evaluates the light on registration, before any report exists: with the real plan a project
            // 200 days into construction would be RED (and alert, and open a 督办) for the seconds until its reports
            // arrive. So it is registered with a plan that starts with its reporting weeks, its reports are filed, and
            // only then is the real plan put in place (a replan, the second baseline version in its history). Every
            // light the registry publishes on the way is green, or already the final light.
            var reportingStart = monday.AddDays(-7 * (weeks - 1));
            fields.PlannedStart = WireDate.ToWire(reportingStart);
            fields.Baseline.Milestones.Add(Wire(new Planned.Milestone(MilestoneName, completion.AddDays(-30), 35m)));
            request.ActualStart = WireDate.ToWire(start);
        }
        else
        {
            fields.Baseline.Milestones.AddRange(milestones.Select(Wire));
        }

        var project = await client.RegisterProjectAsync(request, options);
        if (!reports)
        {
            return;
        }

        // Three weekly reports, the last for this week; the percent is what the shape needs against the real plan.
        var planned = plan.PlannedPercentOn(today);
        var reached = shape is Shape.MilestoneRed or Shape.MilestoneYellow ? [] : new[] { MilestoneName };
        var finalPercent = shape switch
        {
            Shape.YellowLag => planned - 12 - random.Next(0, 8),
            Shape.RedLag => planned - 32 - random.Next(0, 8),
            _ => planned - random.Next(0, 5),
        };
        var cumulativeInvestment = Math.Round(total * Math.Max(finalPercent - 3, 1) / 100m);
        for (var w = weeks - 1; w >= 0; w--)
        {
            var percent = Math.Max(0m, Math.Round(finalPercent - w, 1));
            var state = shape == Shape.Suspended ? V1.ConstructionState.Suspended
                : shape == Shape.RedLag ? V1.ConstructionState.Slowed : V1.ConstructionState.Normal;
            var periodStart = monday.AddDays(-7 * w);
            var report = new V1.ProgressReport
            {
                ProjectId = project.Id,
                PeriodStart = WireDate.ToWire(periodStart),
                PeriodEnd = WireDate.ToWire(periodStart.AddDays(6)),
                CumulativePercent = Money(percent),
                PeriodInvestment = Money(Math.Round(total * 0.01m)),
                CumulativeInvestment = Money(cumulativeInvestment + (Math.Round(total * 0.01m) * (weeks - 1 - w))),
                Workers = state == V1.ConstructionState.Suspended ? 0 : 80 + random.Next(0, 300),
                State = state,
                Narrative = Narrative(shape),
            };
            if (shape == Shape.RedLag || shape == Shape.Suspended)
            {
                report.Problems.Add(shape == Shape.Suspended ? "征迁未完成，施工面无法移交" : "专项债资金未及时到位");
            }

            if (w == 0 && reached.Length > 0 && milestoneDate <= today)
            {
                report.ReachedMilestones.Add(new V1.MilestoneReached { Name = reached[0], ActualDate = WireDate.ToWire(milestoneDate.AddDays(3)) });
            }

            await client.SubmitProgressReportAsync(new SubmitProgressReportRequest { Report = report }, tokens.OwnerOf(fields.OwnerUnit));
        }

        var replan = new ReplanProjectRequest
        {
            ProjectId = project.Id,
            Baseline = new V1.Baseline(),
            PlannedStart = WireDate.ToWire(start),
            Reason = "示范数据：周报载入后补录项目基准计划",
        };
        replan.Baseline.Milestones.AddRange(milestones.Select(Wire));
        await client.ReplanProjectAsync(replan, options);

        if (shape == Shape.Completed)
        {
            await client.ChangeStageAsync(new ChangeStageRequest { ProjectId = project.Id, Stage = ProjectStage.Completed, Reason = "竣工验收通过" }, options);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static ProjectHub.Type.V1.Decimal Money(decimal value) => WireDecimal.ToWire(value);

    private static Milestone Wire(Planned.Milestone m) =>
        new() { Name = m.Name, PlannedDate = WireDate.ToWire(m.PlannedDate), CumulativePercent = Money(m.CumulativePercent) };

    private static string Person(int n) => $"{"王李张刘陈杨黄赵吴周"[n % 10]}{"建国|海燕|志强|丽华|伟|敏|晓东|春梅|国平|红霞".Split('|')[(n / 10) % 10]}";

    private static string Narrative(Shape shape) => shape switch
    {
        Shape.YellowLag => "受连续降雨影响，土方工程进度略有滞后，已增加作业班组。",
        Shape.RedLag => "资金拨付滞后，主体施工放缓，正协调市财政局加快拨付。",
        Shape.Suspended => "因征迁问题停工，待属地政府完成房屋征收。",
        Shape.MilestoneRed or Shape.MilestoneYellow => "主体结构施工中，封顶节点尚未完成。",
        _ => "各项工作按计划推进。",
    };
}
