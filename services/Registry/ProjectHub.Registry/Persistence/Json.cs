using System.Text.Json;

namespace ProjectHub.Registry.Persistence;

/// <summary>JSON for columns that hold small lists read whole (milestones, reasons, problems).</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored JSON is not a {typeof(T).Name}: {json}");
}
