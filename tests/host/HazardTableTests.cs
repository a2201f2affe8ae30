using System.Text.RegularExpressions;

namespace OpenIdds.Tests.Host;

/// <summary>
/// docs/hazards.md names, for each hazard, the code that mitigates it and the tests that prove it.
/// This keeps the table honest: a named file or test that does not exist fails the build's tests.
/// </summary>
[TestClass]
public partial class HazardTableTests
{
    private sealed record Row(string Id, string[] Files, string[] Tests, string? Scenarios);

    [GeneratedRegex(@"`([A-Za-z0-9_./-]+\.(?:cs|csproj))`")]
    private static partial Regex FilePattern();

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*)\.([A-Za-z0-9_]+)`")]
    private static partial Regex TestPattern();

    [GeneratedRegex(@"`([a-z0-9]+(?:-[a-z0-9]+)*)`")]
    private static partial Regex ScenarioPattern();

    /// <summary>The rows, each cell found by its column's heading, so a column added or moved does not shift the others.</summary>
    private static List<Row> Rows()
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", "hazards.md");
        var rows = new List<Row>();
        int mitigationColumn = -1, testColumn = -1, scenarioColumn = -1;
        foreach (string line in File.ReadLines(path))
        {
            string[] cells = line.Split('|');
            if (line.StartsWith("| ID |", StringComparison.Ordinal))
            {
                var headings = cells.Select(c => c.Trim()).ToList();
                mitigationColumn = headings.FindIndex(h => h.StartsWith("Mitigation", StringComparison.Ordinal));
                testColumn = headings.IndexOf("Test");
                scenarioColumn = headings.IndexOf("Scenario");
                Assert.IsTrue(mitigationColumn > 0 && testColumn > 0, "docs/hazards.md's table needs Mitigation and Test columns");
                continue;
            }
            if (!line.StartsWith("| H-", StringComparison.Ordinal)) continue;
            Assert.IsTrue(testColumn > 0, "hazard rows come after the table's heading");
            string mitigation = cells[mitigationColumn], tests = cells[testColumn];
            rows.Add(new Row(cells[1].Trim(),
                FilePattern().Matches(mitigation).Select(m => m.Groups[1].Value).ToArray(),
                TestPattern().Matches(tests).Select(m => m.Groups[1].Value + "." + m.Groups[2].Value).ToArray(),
                scenarioColumn > 0 && scenarioColumn < cells.Length - 1 ? cells[scenarioColumn].Trim() : null));
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

    /// <summary>
    /// Issue 6: a library of scenarios covers every row of the table. Each row names the scenarios that
    /// exercise it, or says "n/a:" and why none can; every scenario named is in simulator/library with
    /// its expected outcomes beside it, so it runs as a test in ScenarioTests.
    /// </summary>
    [TestMethod]
    public void Every_hazard_names_its_scenarios_and_each_is_a_test_in_the_library()
    {
        string library = Path.Combine(RepositoryPaths.Root, "simulator", "library");
        foreach (var row in Rows())
        {
            Assert.IsFalse(string.IsNullOrEmpty(row.Scenarios), $"{row.Id} has no Scenario cell: name the scenarios that exercise it, or write n/a: and why");
            var names = ScenarioPattern().Matches(row.Scenarios!).Select(m => m.Groups[1].Value).ToList();
            if (row.Scenarios!.StartsWith("n/a:", StringComparison.Ordinal))
            {
                Assert.AreEqual(0, names.Count, $"{row.Id} says n/a but names scenarios");
                Assert.IsTrue(row.Scenarios.Length > "n/a: ".Length + 10, $"{row.Id} says n/a without a reason");
                continue;
            }
            Assert.IsTrue(names.Count > 0, $"{row.Id}'s Scenario cell names no scenario in backticks: {row.Scenarios}");
            foreach (string name in names)
            {
                Assert.IsTrue(File.Exists(Path.Combine(library, name + ".json")), $"{row.Id} names scenario {name}, which is not in simulator/library");
                Assert.IsTrue(File.Exists(Path.Combine(library, name + ".expected.json")), $"{row.Id} names scenario {name}, which has no {name}.expected.json (so it is not a test)");
            }
        }
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
