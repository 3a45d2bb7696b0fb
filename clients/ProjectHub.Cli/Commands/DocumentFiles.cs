using System.Security.Cryptography;
using ProjectHub.Approval.V1;

namespace ProjectHub.Cli.Commands;

/// <summary>
/// A submitted document is identified by its content (SHA-256 and size, which the approval service requires so a
/// department's signature can be kept over byte-identical material), so the CLI reads a local file rather than taking
/// a name and a location on trust.
/// </summary>
internal static class DocumentFiles
{
    public const string Help =
        "a local file to attach: PATH (its file name is the document name) or NAME=PATH; repeat for each. Its SHA-256 and " +
        "size are computed from the file. The location sent is --document-location joined with the file name when given, " +
        "else the file's absolute path";

    /// <summary>The reference for <paramref name="value"/> (PATH or NAME=PATH); <paramref name="locationBase"/> may be null.</summary>
    public static async Task<DocumentReference> ReadAsync(string value, string? locationBase, CancellationToken cancellation)
    {
        var (name, path) = Split(value);
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new UsageException($"--document {value}: no such file '{path}' (give a local file: PATH or NAME=PATH)");
            }

            if (file.Length == 0)
            {
                throw new UsageException($"--document {value}: '{path}' is empty");
            }

            await using var stream = file.OpenRead();
            var hash = await SHA256.HashDataAsync(stream, cancellation);
            return new DocumentReference
            {
                Name = name,
                Sha256 = Convert.ToHexStringLower(hash),
                SizeBytes = file.Length,
                Location = Location(locationBase, file),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"--document {value}: cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>A whole value naming an existing file is a path (paths may contain '='); else NAME=PATH.</summary>
    private static (string Name, string Path) Split(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (File.Exists(value) || equals <= 0)
        {
            return (Path.GetFileName(value), value);
        }

        return (value[..equals].Trim(), value[(equals + 1)..]);
    }

    private static string Location(string? locationBase, FileInfo file) =>
        string.IsNullOrWhiteSpace(locationBase) ? file.FullName : locationBase.TrimEnd('/') + "/" + file.Name;
}
