using ProjectHub.Grpc;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Approvals;
using ProjectHub.Registry.Board;
using ProjectHub.Registry.Common;
using ProjectHub.Registry.Domain.Exit;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Progress;
using ProjectHub.Registry.Domain.Ranking;
using ProjectHub.Registry.Info;
using ProjectHub.Registry.Lights;
using ProjectHub.Registry.Persistence;
using ProjectHub.Registry.Problems;
using ProjectHub.Registry.Projects;
using ProjectHub.Registry.Reports;

namespace ProjectHub.Registry;

public static class RegistryServiceRegistration
{
    public const string ServiceName = "Registry";
    public const int DefaultPort = 5101;

    /// <summary>
    /// Everything the registry service needs, served on "Services:Registry:Port" (5101). The same call builds the
    /// standalone process and the embedded all-in-one host. "Registry:DailySweep" = false turns off the 00:30 sweep.
    /// </summary>
    public static WebApplicationBuilder AddRegistryService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<RegistryDbContext>(ServiceName);
        builder.AddOutboxRelay<RegistryDbContext>();
        builder.Services.AddGrpcService<ProjectRegistryService>(port);

        // Rules: the defaults of the domain brief; deployments override them here once configuration binding lands.
        builder.Services.AddSingleton(RegistryRulesConfiguration.Lights(builder.Configuration));
        builder.Services.AddSingleton(RegistryRulesConfiguration.Exit(builder.Configuration));
        builder.Services.AddSingleton(RegistryRulesConfiguration.Ranking(builder.Configuration));
        builder.Services.AddSingleton(ReportCadence.Weekly);

        var s = builder.Services;
        s.AddScoped<UnitOfWork>();
        s.AddScoped<LightEngine>();
        s.AddScoped<LightSweep>();
        s.AddScoped<LightQueries>();
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
}
