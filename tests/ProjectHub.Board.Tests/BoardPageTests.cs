using System.Globalization;
using Microsoft.Playwright;
using ProjectHub.Registry.V1;
using static Microsoft.Playwright.Assertions;
using Esc = ProjectHub.Escalation.V1;

namespace ProjectHub.Board.Tests;

/// <summary>The real pages in headless Chromium against the embedded services with the demo data.</summary>
[Collection(BoardCollection.Name)]
public sealed class BoardPageTests(BoardFixture f)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_board_shows_the_registrys_counts_per_colour_and_a_card_per_project()
    {
        var board = await f.Registry.GetBoardAsync(new GetBoardRequest(), BoardFixture.Options);
        Assert.True(board.Totals.Red > 0 && board.Totals.Yellow > 0 && board.Totals.Green > 0, "the demo data shows every colour");
        var page = await f.NewPageAsync();
        await page.GotoAsync("/");

        await Expect(page.Locator("#count-red")).ToHaveTextAsync(Text(board.Totals.Red));
        await Expect(page.Locator("#count-yellow")).ToHaveTextAsync(Text(board.Totals.Yellow));
        await Expect(page.Locator("#count-green")).ToHaveTextAsync(Text(board.Totals.Green));
        await Expect(page.Locator("#count-none")).ToHaveTextAsync(Text(board.Totals.Unlit));
        await Expect(page.Locator("a.card[data-light=red]")).ToHaveCountAsync(board.Totals.Red);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task Filters_and_grouping_change_what_the_board_shows()
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("a.card").First).ToBeVisibleAsync();

        await page.Locator("#light").SelectOptionAsync("yellow");
        await Expect(page.Locator("a.card[data-light=yellow]").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("a.card:not([data-light=yellow])").CountAsync());
        var shown = await page.Locator("a.card").CountAsync();
        await Expect(page.Locator("#count-yellow")).ToHaveTextAsync(Text(shown));

        await page.Locator("#light").SelectOptionAsync("");
        await page.Locator("#group").SelectOptionAsync("leader");
        await Expect(page.Locator("section.group h2", new() { HasText = BoardFixture.LeaderId })).ToHaveCountAsync(1);

        // Keyboard: "/" focuses the search box; typing narrows the cards to the match.
        await page.Locator("body").PressAsync("/");
        await page.Keyboard.TypeAsync("测试区安置房");
        await Expect(page.Locator("a.card")).ToHaveCountAsync(1);
        await Expect(page.Locator("a.card")).ToContainTextAsync("测试区安置房项目");
    }

    [Fact]
    public async Task A_lagging_report_turns_the_card_red_on_the_open_page_without_a_reload()
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/");
        var card = page.Locator($"a.card[data-id='{f.LiveCardProject.Id}']");
        await Expect(card).ToHaveAttributeAsync("data-light", "green");
        await Expect(page.Locator("body[data-live=on]")).ToHaveCountAsync(1); // the event stream is open
        var redBefore = int.Parse((await page.Locator("#count-red").TextContentAsync())!, CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        // Submitted with the projecthub CLI, as an owner would. Planned is ~40 %: far more than 30 points behind.
        var submitted = await f.ReportThroughCliAsync(f.LiveCardProject, 1m);
        Assert.Equal(Light.Red, submitted.Light.Light);

        await Expect(card).ToHaveAttributeAsync("data-light", "red", Live);
        await Expect(page.Locator("#count-red")).ToHaveTextAsync(Text(redBefore + 1));
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was not reloaded");
    }

    [Fact]
    public async Task A_leader_sees_a_new_alert_live_and_acknowledges_it_from_the_keyboard()
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/alerts.html");
        await page.Locator("#recipient").FillAsync(BoardFixture.LeaderId);
        await page.Locator("#recipient").PressAsync("Enter"); // a plain form post sets the cookie
        await Expect(page.Locator("#status")).ToContainTextAsync(BoardFixture.LeaderId);
        await Expect(page.Locator("body[data-live=on]")).ToHaveCountAsync(1);
        var item = page.Locator($"li[data-code=PROJECT_RED][data-project='{f.AlertProject.Id}']");
        await Expect(item).ToHaveCountAsync(0);

        await f.ReportAsync(f.AlertProject, 1m);

        await Expect(item).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        // Named by the project's name and a short number, never by the ids people cannot read or type.
        await Expect(item.Locator(".alert-project a")).ToHaveTextAsync(f.AlertProject.Fields.Name);
        await Expect(item.Locator(".handle")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^#\d+$"));
        await Expect(item).Not.ToContainTextAsync(f.AlertProject.Id);
        await item.Locator("button.ack").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(item).ToHaveCountAsync(0);

        var open = await f.Escalation.ListAlertsAsync(new Esc.ListAlertsRequest { RecipientId = BoardFixture.LeaderId }, BoardFixture.Options);
        Assert.DoesNotContain(open.Alerts, a => a.ProjectId == f.AlertProject.Id && a.Code == "PROJECT_RED");
        var all = await f.Escalation.ListAlertsAsync(
            new Esc.ListAlertsRequest { RecipientId = BoardFixture.LeaderId, IncludeAcknowledged = true }, BoardFixture.Options);
        Assert.Contains(all.Alerts, a => a.ProjectId == f.AlertProject.Id && a.Code == "PROJECT_RED" && a.Acknowledged);
    }

    [Fact]
    public async Task A_red_projects_page_shows_the_progress_chart_its_reports_and_where_its_supervision_case_stands()
    {
        var red = (await f.Registry.ListProjectsAsync(new ListProjectsRequest { Light = Light.Red, NameContains = "（示范）" }, BoardFixture.Options)).Projects[0];
        var page = await f.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator($"a.card[data-id='{red.Id}']").FocusAsync();
        await page.Keyboard.PressAsync("Enter"); // cards are real links

        await Expect(page.Locator("#name")).ToContainTextAsync(red.Fields.Name);
        await Expect(page.Locator("#light")).ToHaveTextAsync("红灯");
        await Expect(page.Locator("svg.chart polyline[data-series=planned]")).ToHaveCountAsync(1);
        await Expect(page.Locator("svg.chart polyline[data-series=actual]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#reports tr")).ToHaveCountAsync(3); // the seeder's three weekly reports
        // One point per reported week, weeks along the axis (not light evaluations, which can share a day).
        await Expect(page.Locator("svg.chart circle[data-series=actual]")).ToHaveCountAsync(3);
        await Expect(page.Locator("svg.chart circle[data-series=planned]")).ToHaveCountAsync(3);
        var weeks = await page.Locator("svg.chart text[data-week]").EvaluateAllAsync<string[]>("ts => ts.map(t => t.dataset.week)");
        Assert.True(weeks.Length >= 3, string.Join(" ", weeks));
        Assert.Equal(weeks.Order(StringComparer.Ordinal).Distinct(), weeks);
        // A red project has a supervision case (督办) on the ladder, its current step marked.
        await Expect(page.Locator("#problems li", new() { HasText = "督办" }).Locator("ol.ladder li.here")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task The_board_fits_a_phone_sized_screen_and_screenshots_are_saved()
    {
        var phone = await f.NewPageAsync(390, 844);
        await phone.GotoAsync("/");
        await Expect(phone.Locator("a.card").First).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the board is {overflow}px wider than a 390px screen");

        var laptop = await f.NewPageAsync(1366, 900);
        await laptop.GotoAsync("/");
        await Expect(laptop.Locator("a.card").First).ToBeVisibleAsync();
        var red = (await f.Registry.ListProjectsAsync(new ListProjectsRequest { Light = Light.Red, NameContains = "（示范）" }, BoardFixture.Options)).Projects[0];
        var project = await f.NewPageAsync(1366, 900);
        await project.GotoAsync("/project.html?id=" + Uri.EscapeDataString(red.Id));
        await Expect(project.Locator("svg.chart")).ToBeVisibleAsync();

        var shots = new Dictionary<string, IPage> { ["board.png"] = laptop, ["board-phone.png"] = phone, ["project.png"] = project };
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        foreach (var (name, page) in shots)
        {
            var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = name == "project.png" });
            Assert.True(bytes.Length > 10_000, $"{name} is only {bytes.Length} bytes");
            Assert.Equal(0x89, bytes[0]); // PNG signature
        }

        // The README's pictures are refreshed on request only, so an ordinary test run leaves the work tree clean.
        if (Environment.GetEnvironmentVariable("PROJECTHUB_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "docs", "screenshots")).FullName;
            foreach (var name in shots.Keys)
            {
                File.Copy(Path.Combine(folder, name), Path.Combine(docs, name), overwrite: true);
            }
        }
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ProjectHub.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ProjectHub.sln not found above " + AppContext.BaseDirectory);
    }
}
