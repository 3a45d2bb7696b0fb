using ProjectHub.Testing;

namespace ProjectHub.Infrastructure.Tests;

/// <summary>One private RabbitMQ and PostgreSQL for the whole test run (see <see cref="PrivateInfrastructure"/>).</summary>
public sealed class InfrastructureFixture : PrivateInfrastructure, IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class InfrastructureCollection : ICollectionFixture<InfrastructureFixture>
{
    public const string Name = "Real RabbitMQ and PostgreSQL";
}
