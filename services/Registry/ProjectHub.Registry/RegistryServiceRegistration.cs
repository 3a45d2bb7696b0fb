using ProjectHub.Grpc;
using ProjectHub.Hosting.Database;
using ProjectHub.Hosting.Grpc;
using ProjectHub.Hosting.Messaging;
using ProjectHub.Registry.Info;
using ProjectHub.Registry.Persistence;

namespace ProjectHub.Registry;

public static class RegistryServiceRegistration
{
    public const string ServiceName = "Registry";
    public const int DefaultPort = 5101;

    /// <summary>
    /// Everything the registry service needs, served on "Services:Registry:Port" (5101). The same call builds the
    /// standalone process and the embedded all-in-one host.
    /// </summary>
    public static WebApplicationBuilder AddRegistryService(this WebApplicationBuilder builder)
    {
        var port = builder.Configuration.ServicePort(ServiceName, DefaultPort);
        builder.ListenGrpc(port);
        builder.AddServiceDatabase<RegistryDbContext>(ServiceName);
        builder.AddOutboxRelay<RegistryDbContext>();
        builder.Services.AddGrpcService<ProjectRegistryService>(port);
        return builder;
    }
}
