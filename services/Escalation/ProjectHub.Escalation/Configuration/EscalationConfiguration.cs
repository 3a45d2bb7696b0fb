using ProjectHub.Calendar;
using ProjectHub.Escalation.Domain.Alerts;
using ProjectHub.Escalation.Domain.Ladders;
using ProjectHub.Escalation.Domain.Problems;

namespace ProjectHub.Escalation.Configuration;

/// <summary>
/// Binds "Escalation:Ladder" (a preset name or explicit tiers) and "Escalation:Recipients" (the recipient directory)
/// and registers the rules built from them. Both have defaults, so an empty configuration runs the Default ladder with
/// 常务副市长 and the meeting secretariats seated at their tiers (<see cref="DefaultSeats"/>), and alerts that find
/// nobody going to the DRC id <see cref="DefaultDrcRecipientId"/>.
/// </summary>
public static class EscalationConfiguration
{
    public const string DefaultDrcRecipientId = "drc";

    public static IServiceCollection AddEscalationRules(this IServiceCollection services, IConfiguration configuration)
    {
        // Built eagerly so a bad ladder stops the host at start-up rather than on the first request.
        var ladder = Ladder.FromOptions(configuration.GetSection("Escalation:Ladder").Get<LadderOptions>() ?? new LadderOptions());
        var directory = configuration.GetSection("Escalation:Recipients").Get<RecipientDirectoryOptions>() ?? new RecipientDirectoryOptions();
        if (directory.DrcRecipientIds.Count == 0)
        {
            directory.DrcRecipientIds.Add(DefaultDrcRecipientId);
        }

        // 常务副市长 and the meeting secretariats receive their tiers' alerts, not the DRC (issue 22).
        DefaultSeats.FillEmptyTiers(directory, ladder);

        services.AddSingleton(ladder);
        services.AddSingleton(directory);
        services.AddSingleton(new AlertRouter(directory));
        services.AddSingleton(provider => new EscalationRules(ladder, provider.GetRequiredService<IWorkingCalendar>()));
        return services;
    }
}
