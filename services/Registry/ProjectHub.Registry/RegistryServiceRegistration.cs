using ProjectHub.Hosting;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Health;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Board;
using ProjectHub.Registry.Configuration;
using ProjectHub.Registry.Consumers;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Grpc;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Projects;
using ProjectHub.Registry.Reports;

namespace ProjectHub.Registry;

public static class RegistryServiceRegistration
{
    public const string ServiceName = "Registry";
    public const int DefaultPort = 5101;

    /// <summary>The registry service as a unit the standalone host, the embedded default and tests all run.</summary>
    public static readonly ServiceModule Module = new(ServiceName, "ProjectHub.Registry", b => b.AddRegistryService(), a => a.MapRegistryService());

    /// <summary>
    /// Everything the registry service needs, served on "Services:Registry:Port" (5101). The same call builds the
    /// standalone process and the embedded all-in-one host. "Registry:DailySweep" = false turns off the 00:30 sweep.
    /// </summary>
    public static WebApplicationBuilder AddRegistryService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<RegistryDbContext, RegistrySqliteDbContext, RegistryPostgresDbContext>(ServiceName);
        builder.AddOutboxRelay<RegistryDbContext>();
        builder.AddServiceHealth(ProjectRegistryService.Name);

        // Rules from "Registry:Lights", "Registry:Exit" and "Registry:Ranking"; unset keys keep the brief's values.
        builder.Services.AddSingleton(RegistryRulesConfiguration.Lights(builder.Configuration));
        builder.Services.AddSingleton(RegistryRulesConfiguration.Exit(builder.Configuration));
        builder.Services.AddSingleton(RegistryRulesConfiguration.Ranking(builder.Configuration));
        builder.Services.AddSingleton(ReportCadence.Weekly);

        var s = builder.Services;
        s.AddScoped<UnitOfWork>();
        s.AddScoped<LightEngine>();
        s.AddScoped<LightSweep>();
        s.AddScoped<LightQueries>();
        s.AddScoped<EvaluateLights>();
        s.AddScoped<RegisterProject>();
        s.AddScoped<UpdateProject>();
        s.AddScoped<ReplanProject>();
        s.AddScoped<ChangeStage>();
        s.AddScoped<ExitProject>();
        s.AddScoped<ProjectQueries>();
        s.AddScoped<SubmitProgressReport>();
        s.AddScoped<ListProgressReports>();
        s.AddScoped<GetBoard>();
        s.AddScoped<RankUnits>();
        s.AddScoped<ListExitCandidates>();
        s.AddScoped<ApprovalEventsHandler>();
        s.AddScoped<ProblemResolvedHandler>();
        s.AddHostedService<LightCountSampler>();

        builder.AddBusConsumer<ApprovalOverdueConsumer>();
        builder.AddBusConsumer<ApprovalOverdueClearedConsumer>();
        builder.AddBusConsumer<ApprovalsCompletedConsumer>();
        builder.AddBusConsumer<ProblemResolvedConsumer>();
        if (builder.Configuration.GetValue("Registry:DailySweep", true))
        {
            s.AddHostedService<DailyLightSweep>();
        }

        return builder;
    }

    public static WebApplication MapRegistryService(this WebApplication app)
    {
        app.MapProjectHubService<ProjectRegistryService>();
        return app;
    }
}
