using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using ProjectHub.Cli.Output;
using ProjectHub.Registry.V1;
using ProjectHub.Security;
using Spectre.Console;

namespace ProjectHub.Cli.Commands;

/// <summary>projects register|show|list|update|replan|exit|history|import.</summary>
internal static class ProjectCommands
{
    public static Command Build(Runner runner)
    {
        var projects = new Command("projects", "the key-project list (重点项目): register, look up, change, replan, exit, import");
        projects.Add(Register(runner));
        projects.Add(Show(runner));
        projects.Add(List(runner));
        projects.Add(Update(runner));
        projects.Add(Replan(runner));
        projects.Add(Exit(runner));
        projects.Add(History(runner));
        projects.Add(ProjectImport.Build(runner));
        return projects;
    }

    private static Command Register(Runner runner)
    {
        var fields = new ProjectFieldOptions();
        var file = Opt.Text("--file", "a RegisterProjectRequest in protobuf JSON (\"-\" for stdin); enums by their full " +
            "proto name (\"tier\": \"PROJECT_TIER_MUNICIPAL_MAJOR\"); flags given as well override it");
        var stage = Opt.Text("--stage", "reserve | pre_construction | under_construction (default pre_construction)");
        var actualStart = Opt.Text("--actual-start", "actual start YYYY-MM-DD (projects already under construction)");
        var milestones = Opt.Many("--milestone", "baseline milestone name@YYYY-MM-DD@cumulative-percent; repeat for each");
        var command = new Command("register", "register a project on the list (example: projects register --name 地铁3号线 --tier municipal_major ...)")
            .With([.. fields.All, file, stage, actualStart, milestones]);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = parse.GetValue(file) is { } path ? Input.ReadJson<RegisterProjectRequest>(path) : new RegisterProjectRequest();
            request.Project ??= new ProjectFields();
            fields.Apply(parse, request.Project);
            request.Project.Baseline ??= new Baseline();
            request.Project.Baseline.Milestones.AddRange((parse.GetValue(milestones) ?? []).Select(ProjectFieldOptions.Milestone));
            if (parse.GetValue(stage) is { } s)
            {
                request.Stage = Input.Enum<ProjectStage>(s, "--stage");
            }
            else if (request.Stage == ProjectStage.Unspecified)
            {
                request.Stage = ProjectStage.PreConstruction;
            }

            if (parse.GetValue(actualStart) is { } a)
            {
                request.ActualStart = a;
            }

            var project = await cli.Registry.RegisterProjectAsync(request, cli.Call());
            cli.Write(project, () => ProjectView.Detail(cli.Console, project));
        });
        return command;
    }

    private static Command Show(Runner runner)
    {
        var id = Opt.Id("project-id", "the project's id");
        var command = new Command("show", "one project with its light, stage and people (example: projects show 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e)").With(id);
        runner.Handle(command, async (parse, cli) =>
        {
            var project = await cli.Registry.GetProjectAsync(new GetProjectRequest { ProjectId = parse.GetValue(id)! }, cli.Call());
            cli.Write(project, () => ProjectView.Detail(cli.Console, project));
        });
        return command;
    }

    private static Command List(Runner runner)
    {
        var light = Opt.Text("--light", "red | yellow | green");
        var tier = Opt.Text("--tier", "national | provincial_large_medium | provincial_key | municipal_major");
        var stage = Opt.Text("--stage", "reserve | pre_construction | under_construction | completed | exited");
        var department = Opt.Text("--department", "industry department");
        var locality = Opt.Text("--locality", "district or county");
        var leader = Opt.Text("--leader", "leader in charge");
        var owner = Opt.Text("--owner-unit", "owner unit");
        var name = Opt.Text("--name", "part of the name");
        var unlit = Opt.Flag("--unlit", "only projects without a light yet");
        var all = Opt.Flag("--all-pages", "fetch every page of the list (default: the first page only, --page-size projects)");
        var pageSize = Opt.Int("--page-size", "projects per page");
        var command = new Command("list", "the list, filtered (example: projects list --light red --department 住建局)")
            .With(light, tier, stage, department, locality, leader, owner, name, unlit, all, pageSize);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = new ListProjectsRequest
            {
                IndustryDepartment = parse.GetValue(department) ?? "",
                Locality = parse.GetValue(locality) ?? "",
                LeaderInCharge = parse.GetValue(leader) ?? "",
                OwnerUnit = parse.GetValue(owner) ?? "",
                NameContains = parse.GetValue(name) ?? "",
                OnlyUnlit = parse.GetValue(unlit),
                PageSize = parse.GetValue(pageSize) ?? 0,
            };
            if (parse.GetValue(light) is { } l) request.Light = Input.Enum<Light>(l, "--light");
            if (parse.GetValue(tier) is { } t) request.Tier = Input.Enum<ProjectTier>(t, "--tier");
            if (parse.GetValue(stage) is { } s) request.Stage = Input.Enum<ProjectStage>(s, "--stage");
            var response = await cli.Registry.ListProjectsAsync(request, cli.Call());
            while (parse.GetValue(all) && response.NextPageToken.Length > 0)
            {
                request.PageToken = response.NextPageToken;
                var next = await cli.Registry.ListProjectsAsync(request, cli.Call());
                response.Projects.AddRange(next.Projects);
                response.NextPageToken = next.NextPageToken;
            }

            cli.Write(response, () => ProjectView.Table(cli.Console, response.Projects, response.NextPageToken));
            if (response.Projects.Count == 0 && request.PageToken.Length == 0)
            {
                await HintEmptyScopeAsync(cli);
            }
        });
        return command;
    }

    /// <summary>
    /// An owner, department or leader token sees only the projects that name its unit exactly, so a misspelled unit
    /// claim looks like an empty list. Said on stderr (JSON output stays as the service answered), from the token's
    /// own claims: the CLI cannot tell a misspelling from a unit that has no project yet, and says both.
    /// </summary>
    private static async Task HintEmptyScopeAsync(CliContext cli)
    {
        var field = cli.TokenRole switch
        {
            Roles.Owner => "owner unit or responsible unit",
            Roles.Department => "industry department",
            Roles.Leader => "leader in charge",
            _ => null,
        };
        if (field is not null && cli.TokenUnit is { } unit)
        {
            await cli.Error.WriteLineAsync(
                $"hint: your {cli.TokenRole} token acts for '{unit}', and you see only projects whose {field} is exactly '{unit}'; " +
                "no such project matched. Check the spelling of the token's unit against 'projects list' with a DRC or inspector token.");
        }
    }

    private static Command Update(Runner runner)
    {
        var fields = new ProjectFieldOptions();
        var id = Opt.Id("project-id", "the project's id");
        var reason = Opt.Text("--reason", "why (kept in the audit trail)");
        var command = new Command("update", "change the fields given, nothing else (example: projects update 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e --leader 李副市长 --reason 分工调整)")
            .With([id, .. fields.All, reason]);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = new UpdateProjectRequest { ProjectId = parse.GetValue(id)!, Project = new ProjectFields(), Reason = parse.GetValue(reason) ?? "" };
            var paths = fields.Apply(parse, request.Project);
            if (paths.Count == 0)
            {
                throw new UsageException("nothing to update: give at least one field flag (see --help)");
            }

            request.UpdateMask = new FieldMask();
            request.UpdateMask.Paths.AddRange(paths);
            var project = await cli.Registry.UpdateProjectAsync(request, cli.Call());
            cli.Write(project, () => ProjectView.Detail(cli.Console, project));
        });
        return command;
    }

    private static Command Replan(Runner runner)
    {
        var id = Opt.Id("project-id", "the project's id");
        var milestones = Opt.Many("--milestone", "new baseline milestone name@YYYY-MM-DD@cumulative-percent; repeat for each");
        var start = Opt.Text("--planned-start", "new planned start YYYY-MM-DD");
        var completion = Opt.Text("--planned-completion", "new planned completion YYYY-MM-DD");
        var reason = Opt.Text("--reason", "why the plan changes (required by the registry)");
        var command = new Command("replan", "a new baseline version (example: projects replan 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e --planned-completion 2027-06-30 --reason 征迁延误)")
            .With(id, milestones, start, completion, reason);
        runner.Handle(command, async (parse, cli) =>
        {
            var request = new ReplanProjectRequest
            {
                ProjectId = parse.GetValue(id)!,
                Baseline = new Baseline(),
                PlannedStart = parse.GetValue(start) ?? "",
                PlannedCompletion = parse.GetValue(completion) ?? "",
                Reason = parse.GetValue(reason) ?? "",
            };
            request.Baseline.Milestones.AddRange((parse.GetValue(milestones) ?? []).Select(ProjectFieldOptions.Milestone));
            var project = await cli.Registry.ReplanProjectAsync(request, cli.Call());
            cli.Write(project, () => ProjectView.Detail(cli.Console, project));
        });
        return command;
    }

    private static Command Exit(Runner runner)
    {
        var id = Opt.Id("project-id", "the project's id");
        var reason = Opt.Text("--reason", "why it leaves the list", required: true);
        var command = new Command("exit", "take a project off the list (example: projects exit 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e --reason 项目取消)").With(id, reason);
        runner.Handle(command, async (parse, cli) =>
        {
            var project = await cli.Registry.ExitProjectAsync(
                new ExitProjectRequest { ProjectId = parse.GetValue(id)!, Reason = parse.GetValue(reason)! }, cli.Call());
            cli.Write(project, () => ProjectView.Detail(cli.Console, project));
        });
        return command;
    }

    private static Command History(Runner runner)
    {
        var id = Opt.Id("project-id", "the project's id");
        var command = new Command("history", "audit trail and baseline versions (example: projects history 019cac46-1500-7c3b-9d1e-5f2a3b4c5d6e)").With(id);
        runner.Handle(command, async (parse, cli) =>
        {
            var history = await cli.Registry.GetProjectHistoryAsync(new GetProjectHistoryRequest { ProjectId = parse.GetValue(id)! }, cli.Call());
            cli.Write(history, () =>
            {
                var table = new Table().AddColumns("at", "actor", "action", "reason", "changes");
                foreach (var r in history.Records)
                {
                    table.AddRow(Markup.Escape(When.Format(r.At)), Markup.Escape(r.Actor), Markup.Escape(r.Action), Markup.Escape(r.Reason),
                        Markup.Escape(string.Join("; ", r.Changes)));
                }

                cli.Console.Write(table);
                var baselines = new Table().AddColumns("version", "planned start", "planned completion", "milestones", "by", "reason");
                foreach (var b in history.Baselines)
                {
                    baselines.AddRow(b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), b.PlannedStart, b.PlannedCompletion,
                        b.Baseline?.Milestones.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0", Markup.Escape(b.CreatedBy), Markup.Escape(b.Reason));
                }

                cli.Console.Write(baselines);
            });
        });
        return command;
    }
}
