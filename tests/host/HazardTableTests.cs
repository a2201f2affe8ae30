using System.Text.RegularExpressions;

namespace OpenIdds.Tests.Host;

/// <summary>
/// docs/hazards.md names, for each hazard, the code that mitigates it and the tests that prove it.
/// This keeps the table honest: a named file or test that does not exist fails the build's tests.
/// </summary>
[TestClass]
public partial class HazardTableTests
{
    private sealed record Row(string Id, string[] Files, string[] Tests);

    [GeneratedRegex(@"`([A-Za-z0-9_./-]+\.(?:cs|csproj))`")]
    private static partial Regex FilePattern();

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*)\.([A-Za-z0-9_]+)`")]
    private static partial Regex TestPattern();

    private static List<Row> Rows()
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", "hazards.md");
        var rows = new List<Row>();
        foreach (string line in File.ReadLines(path))
        {
            if (!line.StartsWith("| H-", StringComparison.Ordinal)) continue;
            string[] cells = line.Split('|');
            string mitigation = cells[^3], tests = cells[^2];
            rows.Add(new Row(cells[1].Trim(),
                FilePattern().Matches(mitigation).Select(m => m.Groups[1].Value).ToArray(),
                TestPattern().Matches(tests).Select(m => m.Groups[1].Value + "." + m.Groups[2].Value).ToArray()));
        }
        return rows;
    }

    private static readonly Lazy<string> AllTestSources = new(() => string.Join("\n",
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText)));

    [TestMethod]
    public void Every_hazard_names_a_mitigation_and_a_test()
    {
        var rows = Rows();
        Assert.IsTrue(rows.Count >= 9, $"only {rows.Count} hazard rows found");
        foreach (var row in rows)
        {
            Assert.IsTrue(row.Files.Length > 0, $"{row.Id} names no source file for its mitigation");
            Assert.IsTrue(row.Tests.Length > 0, $"{row.Id} names no test");
        }
        Assert.AreEqual(rows.Count, rows.Select(r => r.Id).Distinct().Count(), "hazard IDs are unique");
    }

    [TestMethod]
    public void Every_named_source_file_exists()
    {
        foreach (var row in Rows())
        foreach (string file in row.Files)
            Assert.IsTrue(File.Exists(Path.Combine(RepositoryPaths.Root, file)), $"{row.Id} names {file}, which does not exist");
    }

    [TestMethod]
    public void Every_named_test_exists()
    {
        string sources = AllTestSources.Value;
        foreach (var row in Rows())
        foreach (string test in row.Tests)
        {
            string[] parts = test.Split('.');
            Assert.IsTrue(Regex.IsMatch(sources, $@"class {parts[0]}\b") && Regex.IsMatch(sources, $@"void {parts[1]}\("),
                $"{row.Id} names test {test}, which does not exist");
        }
    }
}
