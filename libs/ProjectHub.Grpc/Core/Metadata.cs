using System.Collections;
using System.Text;

namespace ProjectHub.Grpc;

/// <summary>
/// Custom call metadata (request headers, response headers, trailers). Keys are lower-case ASCII; keys ending in
/// "-bin" carry binary values, which travel base64-encoded.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Metadata Add(string key, string value)
    {
        var normalized = NormalizeKey(key);
        if (normalized.EndsWith(BinarySuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' ends with '-bin' and needs a binary value.", nameof(key));
        }

        _entries.Add(new Entry(normalized, value, null));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        var normalized = NormalizeKey(key);
        if (!normalized.EndsWith(BinarySuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' needs the '-bin' suffix to carry a binary value.", nameof(key));
        }

        _entries.Add(new Entry(normalized, null, value));
        return this;
    }

    internal Metadata AddEntry(Entry entry)
    {
        _entries.Add(entry);
        return this;
    }

    public Entry? Get(string key)
    {
        var normalized = key.ToLowerInvariant();
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == normalized)
            {
                return _entries[i];
            }
        }

        return null;
    }

    public string? GetValue(string key) => Get(key)?.Value;

    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    public IEnumerable<Entry> GetAll(string key)
    {
        var normalized = key.ToLowerInvariant();
        return _entries.Where(e => e.Key == normalized);
    }

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string NormalizeKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("Metadata key must not be empty.", nameof(key));
        }

        var lower = key.ToLowerInvariant();
        if (!IsValidKey(lower))
        {
            throw new ArgumentException($"Metadata key '{key}' has a character outside [a-z0-9-_.].", nameof(key));
        }

        return lower;
    }

    /// <summary>Whether a lower-case name is a legal metadata key: [a-z0-9-_.]+.</summary>
    internal static bool IsValidKey(string lowerCaseKey) =>
        lowerCaseKey.Length > 0 && lowerCaseKey.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.');

    /// <summary>One metadata entry: a string value, or bytes for "-bin" keys.</summary>
    public sealed record Entry(string Key, string? Value, byte[]? ValueBytes)
    {
        public bool IsBinary => ValueBytes is not null;

        public override string ToString() => IsBinary ? $"{Key}: <{ValueBytes!.Length} bytes>" : $"{Key}: {Value}";

        /// <summary>The value as text (binary values decoded as UTF-8).</summary>
        public string Text => Value ?? Encoding.UTF8.GetString(ValueBytes!);
    }
}
