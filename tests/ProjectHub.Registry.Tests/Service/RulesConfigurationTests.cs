using Microsoft.Extensions.Configuration;
using ProjectHub.Registry.Configuration;
using ProjectHub.Registry.Domain.Lights;

namespace ProjectHub.Registry.Tests.Service;

public sealed class RulesConfigurationTests
{
    [Fact]
    public void Thresholds_come_from_configuration_and_unset_keys_keep_the_brief_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Lights:LagRedAbovePoints"] = "25",
            ["Registry:Lights:NoReportYellowAboveDays"] = "14",
            ["Registry:Exit:RedForAtLeastDays"] = "60",
            ["Registry:Ranking:GreenShare"] = "0.5",
        }).Build();

        var lights = RegistryRulesConfiguration.Lights(configuration);
        Assert.Equal(25m, lights.LagRedAbovePoints);
        Assert.Equal(14, lights.NoReportYellowAboveDays);
        Assert.Equal(LightRules.Default.LagYellowAtLeastPoints, lights.LagYellowAtLeastPoints);
        Assert.Equal(60, RegistryRulesConfiguration.Exit(configuration).RedForAtLeastDays);
        Assert.Equal(0.5m, RegistryRulesConfiguration.Ranking(configuration).GreenShare);
    }

    [Fact]
    public void Without_configuration_the_defaults_are_the_brief()
    {
        var empty = new ConfigurationBuilder().Build();
        Assert.Equal(30m, RegistryRulesConfiguration.Lights(empty).LagRedAbovePoints);
        Assert.Equal(90, RegistryRulesConfiguration.Exit(empty).RedForAtLeastDays);
    }
}
