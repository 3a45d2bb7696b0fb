namespace ProjectHub.Upgrade.Tests;

/// <summary>The committed databases of the last release before migrations (see Fixtures/make.sh).</summary>
public static class Fixture
{
    public const string Release = "release-2026-12-04";

    public static readonly string[] Services = ["Registry", "Approval", "Escalation"];

    public static string Directory(string provider) => Path.Combine(AppContext.BaseDirectory, "Fixtures", Release, provider);

    /// <summary>A private copy of the SQLite fixture (registry.db, approval.db, escalation.db), so a test may change it.</summary>
    public static string CopySqlite()
    {
        var target = System.IO.Directory.CreateTempSubdirectory("projecthub-upgrade-").FullName;
        foreach (var service in Services)
        {
            var file = service.ToLowerInvariant() + ".db";
            File.Copy(Path.Combine(Directory("sqlite"), file), Path.Combine(target, file));
        }

        return target;
    }
}
