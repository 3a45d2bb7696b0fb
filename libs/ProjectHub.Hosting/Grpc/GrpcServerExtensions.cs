using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ProjectHub.Hosting.Grpc;

public static class GrpcServerExtensions
{
    /// <summary>
    /// Grpc.AspNetCore with the settings of "Grpc:Server", the one error interceptor, and server reflection (v1 and
    /// v1alpha) unless turned off. Deadlines cancel the handler's token and answer DEADLINE_EXCEEDED (Grpc.AspNetCore).
    /// </summary>
    public static WebApplicationBuilder AddProjectHubGrpcServer(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(GrpcServerSettings.Section).Get<GrpcServerSettings>() ?? new GrpcServerSettings();
        settings.Validate();
        builder.Services.AddSingleton(settings);
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = settings.MaxReceiveMessageSize;
            options.MaxSendMessageSize = settings.MaxSendMessageSize;
            options.EnableDetailedErrors = settings.EnableDetailedErrors;
            if (!string.IsNullOrEmpty(settings.ResponseCompression))
            {
                options.ResponseCompressionAlgorithm = settings.ResponseCompression;
                options.ResponseCompressionLevel = CompressionLevel.Fastest;
            }

            options.Interceptors.Add<ErrorInterceptor>();
        });
        if (settings.EnableReflection)
        {
            builder.Services.AddGrpcReflection();
        }

        return builder;
    }

    /// <summary>Reflection (when enabled) and health, open to every caller so load balancers and generic tools work.</summary>
    public static WebApplication MapProjectHubGrpcInfrastructure(this WebApplication app)
    {
        if (app.Services.GetRequiredService<GrpcServerSettings>().EnableReflection)
        {
            app.MapGrpcReflectionService().AllowAnonymous();
        }

        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }
}
