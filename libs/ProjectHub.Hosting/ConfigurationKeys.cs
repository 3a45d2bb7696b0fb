namespace ProjectHub.Hosting;

/// <summary>
/// Every setting a ProjectHub host reads, once: the deployment manifests and their offline test
/// (tests/ProjectHub.Deploy.Tests) are checked against it, and the README's configuration table mirrors it.
/// "{Service}" stands for Registry, Approval or Escalation; a trailing "*" for a section of related settings.
/// </summary>
public static class ConfigurationKeys
{
    public static readonly IReadOnlyList<string> ServiceNames = ["Registry", "Approval", "Escalation"];

    public static readonly IReadOnlyList<Setting> All =
    [
        new("Services:{Service}:Port", "5101/5102/5103", "gRPC port of the service", Deploy.Required),
        new("Grpc:Host", "127.0.0.1", "address to listen on; * in containers", Deploy.Required),
        new("Grpc:Tls:CertificatePath", "", "PFX file: serve TLS instead of cleartext HTTP/2"),
        new("Grpc:Tls:CertificatePassword", "", "its password", Deploy.Optional, Secret: true),
        new("Grpc:Server:*", "", "message size limits, compression, reflection, detailed errors"),
        new("Health:CheckPeriod", "00:00:05", "how often health checks run for gRPC health Watch streams"),
        new("Database:Provider", "Sqlite", "Sqlite or Postgres", Deploy.Required),
        new("Database:Directory", "data", "folder for SQLite files"),
        new("Database:MigrateOnStart", "true", "migrate on start; false: refuse to start behind (the deployment runs `migrate` first)", Deploy.Required),
        new("Database:{Service}:Provider", "", "per-service provider override"),
        new("Database:{Service}:ConnectionString", "SQLite file", "the service's own database", Deploy.Required, Secret: true),
        new("Bus:Transport", "InMemory", "InMemory or RabbitMq", Deploy.Required),
        new("Bus:RabbitMq:Host", "127.0.0.1", "broker host", Deploy.Required),
        new("Bus:RabbitMq:Port", "5672", "broker port", Deploy.Required),
        new("Bus:RabbitMq:VirtualHost", "/", "broker virtual host", Deploy.Required),
        new("Bus:RabbitMq:Username", "guest", "broker user", Deploy.Required, Secret: true),
        new("Bus:RabbitMq:Password", "guest", "broker password", Deploy.Required, Secret: true),
        new("Bus:RabbitMq:QueueType", "Quorum", "Quorum or Classic", Deploy.Required),
        new("Bus:RabbitMq:PublisherConfirmation", "true", "wait for broker confirms"),
        new("Bus:PrefetchCount", "16", "messages in flight per consumer", Deploy.Required),
        new("Bus:RetryIntervalsMs", "100,500,2000", "retries before <queue>_error"),
        new("Messaging:Retention:Interval", "00:10:00", "how often sent outbox and processed inbox rows are pruned", Deploy.Optional),
        new("Messaging:Retention:Window", "7.00:00:00", "age after which sent outbox and processed inbox rows go; at least 1.00:00:00 (the inbox must outlive redeliveries)", Deploy.Optional),
        new("Messaging:Retention:BatchSize", "500", "rows deleted per statement (one short transaction each)", Deploy.Optional),
        new("Auth:Mode", "Jwt (Development in a Development environment and in the embedded default)", "Development trusts the public development key; Jwt the configured issuer", Deploy.Required),
        new("Auth:Issuer", "", "the iss tokens must carry (Jwt mode)", Deploy.Required),
        new("Auth:Audience", "", "the aud tokens must carry (Jwt mode)", Deploy.Required),
        new("Auth:SigningKeys:*", "", "PEM public keys or base64:<HMAC secret>, one per index", Deploy.Optional, Secret: true),
        new("Auth:JwksUrl", "", "JSON Web Key Set address, refreshed"),
        new("Auth:Authority", "", "OpenID Connect issuer whose discovery document names the JWKS"),
        new("Auth:RequireHttpsMetadata", "true", "refuse http:// JWKS and authority addresses"),
        new("Auth:KeysRefreshInterval", "01:00:00", "how often fetched keys are refreshed"),
        new("Auth:KeysRefetchInterval", "00:01:00", "least time between re-fetches for tokens naming an unknown key id"),
        new("Auth:ClockSkew", "00:01:00", "tolerance on token lifetimes"),
        new("Calendar:ExtraDirectory", "", "folder of extra cn-YYYY.json holiday files, reloaded without a restart"),
        new("Calendar:ReloadInterval", "00:01:00", "how often that folder is checked for changes"),
        new("Registry:Lights:*", "the brief's table", "warning-light thresholds", Deploy.Optional, "Registry"),
        new("Registry:Exit:*", "90 / 6", "exit-candidate rules", Deploy.Optional, "Registry"),
        new("Registry:Ranking:*", "0.4/0.3/0.2/0.1, 3", "ranking weights", Deploy.Optional, "Registry"),
        new("Registry:DailySweep", "true", "the 00:30 Asia/Shanghai light sweep", Deploy.Required, "Registry"),
        new("Approval:Rules:*", "built in", "thresholds, items and departments", Deploy.Optional, "Approval"),
        new("Approval:Overdue:SweepInterval", "01:00:00", "how often approval clocks are checked", Deploy.Required, "Approval"),
        new("Escalation:Ladder:*", "Default", "ladder preset or tiers", Deploy.Optional, "Escalation"),
        new("Escalation:Recipients:*", "DRC = drc", "who receives which tier's alerts", Deploy.Optional, "Escalation"),
        new("Escalation:Sweep:Enabled", "true", "automatic escalation and reminders", Deploy.Required, "Escalation"),
        new("Escalation:Sweep:IntervalSeconds", "60", "sweep interval", Deploy.Optional, "Escalation"),
        new("Escalation:Alerts:PollSeconds", "5", "alert streams re-read the store", Deploy.Optional, "Escalation"),
        new("Logging:LogLevel:*", "Information", "standard .NET logging levels"),
        new("Logging:Console:FormatterName", "simple", "simple or json (one JSON object per line, with TraceId/SpanId)", Deploy.Required),
        new("OTEL_SERVICE_NAME", "the host's name", "service.name of exported telemetry", Deploy.Required),
        new("OTEL_EXPORTER_OTLP_ENDPOINT", "", "collector address; setting it turns traces and metrics on", Deploy.Required),
        new("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "grpc or http/protobuf"),
        new("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "", "traces only"),
        new("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "", "metrics only"),
        new("OTEL_TRACES_EXPORTER", "otlp when an endpoint is set", "otlp or none"),
        new("OTEL_METRICS_EXPORTER", "otlp when an endpoint is set", "otlp or none"),
        new("OTEL_RESOURCE_ATTRIBUTES", "", "extra resource attributes, e.g. deployment.environment=prod"),
        new("OTEL_SDK_DISABLED", "false", "true turns all export off"),
    ];

    /// <summary>Required: every production deployment of the services it applies to sets it explicitly.</summary>
    public enum Deploy
    {
        Optional,
        Required,
    }

    /// <param name="Key">Configuration key ("A:B"); its environment variable replaces ":" with "__".</param>
    /// <param name="Service">Null when every service reads it.</param>
    /// <param name="Secret">Kubernetes takes it from a Secret, never a ConfigMap.</param>
    public sealed record Setting(string Key, string Default, string Meaning, Deploy Deploy = Deploy.Optional, string? Service = null, bool Secret = false)
    {
        public bool AppliesTo(string service) => Service is null || Service == service;

        /// <summary>The key for one service: "{Service}" filled in.</summary>
        public string KeyFor(string service) => Key.Replace("{Service}", service, StringComparison.Ordinal);

        public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
    }
}
