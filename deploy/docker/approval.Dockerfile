# ProjectHub Approval service. Build from the repository root:
#   docker build -f deploy/docker/approval.Dockerfile -t projecthub/approval .
# Stage 1 restores and publishes with the full SDK; stage 2 is the ASP.NET runtime only, run as the image's
# unprivileged "app" user (uid 1654), so the image carries no compiler and no root process.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Only what the Approval host compiles: shared build settings, the .proto files, the libraries and this service.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY protos/ protos/
COPY libs/ libs/
COPY services/Approval/ services/Approval/
RUN dotnet restore services/Approval/ProjectHub.Approval/ProjectHub.Approval.csproj
RUN dotnet publish services/Approval/ProjectHub.Approval/ProjectHub.Approval.csproj \
    --configuration Release --no-restore --output /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Container defaults: listen on every interface, production providers. Connection strings and broker credentials
# come from the orchestrator (compose environment, Kubernetes Secret), never from the image.
ENV Grpc__Host=* \
    Services__Approval__Port=5102 \
    Database__Provider=Postgres \
    Bus__Transport=RabbitMq \
    Logging__Console__FormatterName=json
USER $APP_UID
EXPOSE 5102
# No HEALTHCHECK: the runtime image has no gRPC health client; Kubernetes probes grpc.health.v1 natively and
# compose relies on restart policies.
ENTRYPOINT ["dotnet", "ProjectHub.Approval.dll"]
