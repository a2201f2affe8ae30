using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenIdds.Tests.Host.Docs;

/// <summary>
/// docs/hazards.md names, for each hazard, the rule that controls it (its NAME and home file) and the
/// tests and scenarios that verify it. These tests keep the table and the code in step both ways: a
/// named file, test or scenario that does not exist fails, a rule named in the table but in no comment
/// of its home fails, and a rule named in a code comment but in no row fails.
/// "Exists" for a test means what a test runner means: a method of that name carrying [TestMethod] or
/// [DataTestMethod], declared in a class of that name that carries [TestClass] - found by parsing the
/// test sources, so a helper, a comment or a method of another class with the same name does not count.
/// </summary>
[TestClass]
public partial class HazardTableTests
{
    /// <summary>The longest a row may be, the whole markdown line: a row is a summary, the code comment at the rule's home says the rest.</summary>
    private const int MaxRowCharacters = 400;

    private sealed record Row(string Id, string Line, string[] Rules, string[] HomeFiles, string[] Files, string[] Tests, string[] Scenarios, bool NoScenario);

    [GeneratedRegex(@"`([A-Za-z0-9_./-]+\.(?:cs|csproj))`")]
    private static partial Regex FilePattern();

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*)\.([A-Za-z0-9_]+)`")]
    private static partial Regex TestPattern();

    [GeneratedRegex(@"`([a-z0-9]+(?:-[a-z0-9]+)*)`")]
    private static partial Regex ScenarioPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex BacktickedPattern();

    /// <summary>An UPPER-KEBAB word of two or more segments of capitals and digits.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![A-Za-z0-9-])")]
    private static partial Regex UpperKebabPattern();

    /// <summary>UPPER-KEBAB names of things outside this code that comments mention: a CRC variant, a board, ST's debug probe.</summary>
    private static readonly HashSet<string> ExternalNames = new(StringComparer.Ordinal) { "CCITT-FALSE", "NUCLEO-F746ZG", "ST-LINK" };

    /// <summary>
    /// A rule name is an UPPER-KEBAB word that is not a hazard ID (H-...), not a standard's or an algorithm's
    /// name with a number segment (CRC-32, SHA-256, UTF-8, P-256) and not one of <see cref="ExternalNames"/>.
    /// </summary>
    public static bool IsRuleName(string word) =>
        !word.StartsWith("H-", StringComparison.Ordinal)
        && !word.Split('-').Any(segment => segment.All(char.IsAsciiDigit))
        && !ExternalNames.Contains(word);

    private static IEnumerable<string> RuleNamesIn(string text) =>
        UpperKebabPattern().Matches(text).Select(m => m.Value).Where(IsRuleName);

    /// <summary>The rows, each cell found by its column's heading, so a column added or moved does not shift the others.</summary>
    private static List<Row> Rows()
    {
        string path = Path.Combine(RepositoryPaths.Root, "docs", "hazards.md");
        var rows = new List<Row>();
        int controlColumn = -1, verificationColumn = -1;
        foreach (string line in File.ReadLines(path))
        {
            string[] cells = line.Split('|');
            if (line.StartsWith("| ID |", StringComparison.Ordinal))
            {
                var headings = cells.Select(c => c.Trim()).ToList();
                controlColumn = headings.IndexOf("Control");
                verificationColumn = headings.IndexOf("Verification");
                Assert.IsTrue(controlColumn > 0 && verificationColumn > 0, "docs/hazards.md's table needs Control and Verification columns");
                continue;
            }
            if (!line.StartsWith("| H-", StringComparison.Ordinal)) continue;
            Assert.IsTrue(verificationColumn > 0, "hazard rows come after the table's heading");
            Assert.IsTrue(cells.Length > Math.Max(controlColumn, verificationColumn) + 1, $"{cells[1].Trim()} has fewer cells than the heading");
            string control = cells[controlColumn], verification = cells[verificationColumn];
            rows.Add(new Row(cells[1].Trim(), line,
                RuleNamesIn(BacktickedPattern().Replace(control, " ")).Distinct().ToArray(),
                FilePattern().Matches(control).Select(m => m.Groups[1].Value).ToArray(),
                FilePattern().Matches(control).Concat(FilePattern().Matches(verification)).Select(m => m.Groups[1].Value).ToArray(),
                TestPattern().Matches(verification).Select(m => m.Groups[1].Value + "." + m.Groups[2].Value).ToArray(),
                ScenarioPattern().Matches(verification).Select(m => m.Groups[1].Value).ToArray(),
                verification.Contains("n/a", StringComparison.Ordinal)));
        }
        return rows;
    }

    private static readonly Lazy<HashSet<string>> AllTests = new(() => TestMethodsIn(
        SourceFiles("tests").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))));

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

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

    /// <summary>The rule names in a source's comments (//, ///, /* */), never in its string literals or code.</summary>
    public static HashSet<string> RuleNamesInComments(SyntaxTree tree) =>
        tree.GetRoot().DescendantTrivia(descendIntoTrivia: true)
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            .SelectMany(t => RuleNamesIn(t.ToFullString()))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> RuleNamesInCommentsOf(string file) =>
        RuleNamesInComments(CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file));

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
    public void Every_hazard_names_a_rule_its_home_and_a_test()
    {
        var rows = Rows();
        Assert.IsTrue(rows.Count >= 9, $"only {rows.Count} hazard rows found");
        foreach (var row in rows)
        {
            Assert.IsTrue(row.Rules.Length > 0, $"{row.Id}'s Control cell names no rule (an UPPER-KEBAB name)");
            Assert.IsTrue(row.HomeFiles.Length > 0, $"{row.Id}'s Control cell names no home file for its rule");
        }
        Assert.AreEqual(rows.Count, rows.Select(r => r.Id).Distinct().Count(), "hazard IDs are unique");
    }

    [TestMethod]
    public void No_row_is_over_400_characters()
    {
        foreach (var row in Rows())
            Assert.IsTrue(row.Line.Length <= MaxRowCharacters, $"{row.Id} is {row.Line.Length} characters, over {MaxRowCharacters}: say the rest in the comment at the rule's home");
    }

    /// <summary>
    /// The Verification cell names at least one test, and every test, file and scenario it or the Control
    /// cell names exists. A row names the scenarios that exercise it (each in simulator/library with its
    /// expected outcomes beside it, so it runs as a test in ScenarioTests), or says n/a.
    /// </summary>
    [TestMethod]
    public void Every_verification_names_a_test_and_every_named_test_file_and_scenario_exists()
    {
        var tests = AllTests.Value;
        Assert.IsTrue(tests.Count > 100, $"only {tests.Count} test methods found");
        string library = Path.Combine(RepositoryPaths.Root, "simulator", "library");
        foreach (var row in Rows())
        {
            Assert.IsTrue(row.Tests.Length > 0, $"{row.Id}'s Verification cell names no test (`Class.Method`)");
            foreach (string test in row.Tests)
                Assert.IsTrue(tests.Contains(test), $"{row.Id} names test {test}, which is not a [TestMethod] of a [TestClass] of that name");
            foreach (string file in row.Files)
                Assert.IsTrue(File.Exists(Path.Combine(RepositoryPaths.Root, file)), $"{row.Id} names {file}, which does not exist");
            if (row.NoScenario)
            {
                Assert.AreEqual(0, row.Scenarios.Length, $"{row.Id} says n/a but names scenarios");
                continue;
            }
            Assert.IsTrue(row.Scenarios.Length > 0, $"{row.Id}'s Verification cell names no scenario in backticks: name one, or write n/a");
            foreach (string name in row.Scenarios)
            {
                Assert.IsTrue(File.Exists(Path.Combine(library, name + ".json")), $"{row.Id} names scenario {name}, which is not in simulator/library");
                Assert.IsTrue(File.Exists(Path.Combine(library, name + ".expected.json")), $"{row.Id} names scenario {name}, which has no {name}.expected.json (so it is not a test)");
            }
        }
    }

    /// <summary>
    /// RULE-NAMES-BOTH-WAYS: (a) every rule name in a comment of firmware/, hal/, boards/ or guard/ is in a
    /// Control cell, so no rule's comment points at a row that is not there; (b) every rule name in a
    /// Control cell is in a comment of a file that row names, so the table points at the rule's home.
    /// </summary>
    [TestMethod]
    public void Rule_names_match_both_ways_between_code_comments_and_the_table()
    {
        var rows = Rows();
        var tabled = rows.SelectMany(r => r.Rules).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (string folder in new[] { "firmware", "hal", "boards", "guard" })
        foreach (string file in SourceFiles(folder))
        foreach (string rule in RuleNamesInCommentsOf(file))
            if (!tabled.Contains(rule)) missing.Add($"{rule} ({Path.GetRelativePath(RepositoryPaths.Root, file)})");
        Assert.AreEqual(0, missing.Count, "rules named in code comments but in no Control cell of docs/hazards.md: " + string.Join(", ", missing.Distinct()));

        foreach (var row in rows)
        {
            var named = row.HomeFiles.Where(f => File.Exists(Path.Combine(RepositoryPaths.Root, f)))
                .SelectMany(f => RuleNamesInCommentsOf(Path.Combine(RepositoryPaths.Root, f))).ToHashSet(StringComparer.Ordinal);
            foreach (string rule in row.Rules)
                Assert.IsTrue(named.Contains(rule), $"{row.Id} names rule {rule}, which no comment in its home files ({string.Join(", ", row.HomeFiles)}) names");
        }
    }

    [TestMethod]
    public void Only_rule_names_in_comments_count()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            /// <summary>DOC-RULE: said in a doc comment.</summary>
            class A
            {
                // LINE-RULE: said in a line comment; CRC-32, SHA-256, UTF-8 and H-STALL are not rules, nor is ST-LINK.
                /* BLOCK-RULE */
                string id = "OPENIDDS-LINUX-0001", text = "STRING-RULE";
                int NOT_A_RULE = 1; // lower-kebab is not one either, nor Mixed-Case
            }
            """);
        var found = RuleNamesInComments(tree);
        CollectionAssert.AreEquivalent(new[] { "DOC-RULE", "LINE-RULE", "BLOCK-RULE" }, found.ToArray());
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
