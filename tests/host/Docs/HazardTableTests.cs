using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenIdds.Tests.Host.Docs;

/// <summary>
/// docs/hazards.md names, for each hazard, the code that mitigates it and the tests that prove it.
/// This keeps the table honest: a named file or test that does not exist fails the build's tests.
/// "Exists" means what a test runner means: a method of that name carrying [TestMethod] or
/// [DataTestMethod], declared in a class of that name that carries [TestClass] - found by parsing the
/// test sources, so a helper, a comment or a method of another class with the same name does not count.
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

    private static readonly Lazy<HashSet<string>> AllTests = new(() => TestMethodsIn(
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))));

    /// <summary>"Class.Method" for every method with [TestMethod] or [DataTestMethod] in a class (any part of it) with [TestClass].</summary>
    public static HashSet<string> TestMethodsIn(IEnumerable<SyntaxTree> trees)
    {
        var classes = new List<ClassDeclarationSyntax>();
        foreach (var tree in trees) classes.AddRange(tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>());
        var testClasses = classes.Where(c => HasAttribute(c.AttributeLists, "TestClass")).Select(c => c.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in classes)
        {
            if (!testClasses.Contains(c.Identifier.Text)) continue;
            foreach (var method in c.Members.OfType<MethodDeclarationSyntax>())
            {
                if (HasAttribute(method.AttributeLists, "TestMethod") || HasAttribute(method.AttributeLists, "DataTestMethod"))
                {
                    found.Add(c.Identifier.Text + "." + method.Identifier.Text);
                }
            }
        }
        return found;
    }

    private static bool HasAttribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).Any(a =>
        {
            string written = a.Name switch
            {
                QualifiedNameSyntax q => q.Right.Identifier.Text,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
                SimpleNameSyntax simple => simple.Identifier.Text,
                _ => a.Name.ToString(),
            };
            return written == name || written == name + "Attribute";
        });

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
        var tests = AllTests.Value;
        Assert.IsTrue(tests.Count > 100, $"only {tests.Count} test methods found");
        foreach (var row in Rows())
        foreach (string test in row.Tests)
            Assert.IsTrue(tests.Contains(test), $"{row.Id} names test {test}, which is not a [TestMethod] of a [TestClass] of that name");
    }

    [TestMethod]
    public void Only_a_test_method_of_a_test_class_of_that_name_counts()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            [TestClass] public class A { [TestMethod] public void Real() { } public void Helper() { } [DataTestMethod] public void Rows(int x) { } }
            public class B { [TestMethod] public void NeverRun() { } public void Real() { } }
            [TestClass] public partial class C { [Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute] public void Qualified() { } }
            public partial class C { [TestMethod] public void OtherPart() { } }
            [TestClass] public class D { public class Inner { [TestMethod] public void Nested() { } } }
            // [TestClass] public class E { [TestMethod] public void Commented() { } }
            """);
        var found = TestMethodsIn(new[] { tree });
        foreach (string yes in new[] { "A.Real", "A.Rows", "C.Qualified", "C.OtherPart" }) Assert.IsTrue(found.Contains(yes), yes + " is a test");
        foreach (string no in new[] { "A.Helper", "B.NeverRun", "B.Real", "A.NeverRun", "D.Nested", "Inner.Nested", "E.Commented" }) Assert.IsFalse(found.Contains(no), no + " is not a test");
    }
}
