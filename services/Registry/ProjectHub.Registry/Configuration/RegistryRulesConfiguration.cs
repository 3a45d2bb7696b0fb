using ProjectHub.Registry.Domain.Exit;
using ProjectHub.Registry.Domain.Lights;
using ProjectHub.Registry.Domain.Ranking;

namespace ProjectHub.Registry.Configuration;

/// <summary>
/// The registry's rule settings come from configuration, as the brief requires (deployments change thresholds,
/// never code): "Registry:Lights", "Registry:Exit" and "Registry:Ranking", each key defaulting to the brief's value.
/// </summary>
public static class RegistryRulesConfiguration
{
    public static LightRules Lights(IConfiguration configuration) =>
        configuration.GetSection("Registry:Lights").Get<LightRules>() ?? LightRules.Default;

    public static ExitRules Exit(IConfiguration configuration) =>
        configuration.GetSection("Registry:Exit").Get<ExitRules>() ?? ExitRules.Default;

    public static RankingWeights Ranking(IConfiguration configuration) =>
        configuration.GetSection("Registry:Ranking").Get<RankingWeights>() ?? RankingWeights.Default;
}
