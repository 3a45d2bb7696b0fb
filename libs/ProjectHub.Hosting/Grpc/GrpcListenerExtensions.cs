using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace ProjectHub.Hosting.Grpc;

public static class GrpcListenerExtensions
{
    /// <summary>
    /// Listens for gRPC on <paramref name="port"/>: HTTP/2 cleartext (h2c) on the "Grpc:Host" address (127.0.0.1 by
    /// default), or TLS with ALPN when "Grpc:Tls:CertificatePath" is set. Call once per service port.
    /// </summary>
    public static WebApplicationBuilder ListenGrpc(this WebApplicationBuilder builder, int port)
    {
        var host = builder.Configuration["Grpc:Host"] ?? "127.0.0.1";
        var certificate = builder.Configuration["Grpc:Tls:CertificatePath"];
        var password = builder.Configuration["Grpc:Tls:CertificatePassword"];
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Configure(ListenOptions listen)
            {
                if (string.IsNullOrEmpty(certificate))
                {
                    listen.Protocols = HttpProtocols.Http2;
                }
                else
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate, password);
                }
            }

            if (host is "*" or "0.0.0.0")
            {
                kestrel.ListenAnyIP(port, Configure);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(host), port, Configure);
            }
        });
        return builder;
    }

    /// <summary>The port of a service: "Services:{name}:Port", else the default.</summary>
    public static int ServicePort(this IConfiguration configuration, string serviceName, int defaultPort) =>
        configuration.GetValue<int?>($"Services:{serviceName}:Port") ?? defaultPort;
}
