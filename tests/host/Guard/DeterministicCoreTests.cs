using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenIdds.Tests.Host.Guard;

/// <summary>
/// DETERMINISTIC-CORE: the core (firmware/ and hal/) takes time from the HAL clock only, so the same
/// inputs give bit-identical deliveries and logs on every machine. nanoFramework has Thread.Sleep,
/// DateTime.UtcNow and Random, so the guard's reference cannot deny them; this syntax check does.
/// The boards' main loops (boards/) are where sleeping and the board's tick counter belong.
/// </summary>
[TestClass]
public sealed class DeterministicCoreTests
{
    [TestMethod]
    public void The_core_never_sleeps_reads_a_wall_clock_or_a_tick_counter_or_draws_random_numbers()
    {
        var findings = CoreFiles().SelectMany(f => Findings(CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: Path.GetRelativePath(RepositoryPaths.Root, f)))).ToArray();
        Assert.AreEqual(0, findings.Length, string.Join(Environment.NewLine, findings));
    }

    [TestMethod]
    public void The_check_finds_a_sleep_a_wall_clock_a_tick_counter_a_stopwatch_and_a_random()
    {
        var tree = CSharpSyntaxTree.ParseText(
            "class D { void M() { System.Threading.Thread.Sleep(1); long t = System.DateTime.UtcNow.Ticks; long k = System.Environment.TickCount64;" +
            " var w = System.Diagnostics.Stopwatch.StartNew(); var r = new System.Random(); } }", path: "firmware/Denied.cs");
        Assert.AreEqual(5, Findings(tree).Count());
    }

    private static IEnumerable<string> CoreFiles() =>
        new[] { "firmware", "hal" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

    private static IEnumerable<string> Findings(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            string? what = node switch
            {
                MemberAccessExpressionSyntax m when Is(m, "Thread", "Sleep", "SpinWait") => "a sleep (the board's loop sleeps; the core returns NextWake)",
                MemberAccessExpressionSyntax m when Is(m, "DateTime", "Now", "UtcNow", "Today") => "the wall clock (time comes from the HAL clock)",
                MemberAccessExpressionSyntax m when Is(m, "Environment", "TickCount", "TickCount64") => "the board's tick counter (time comes from the HAL clock)",
                IdentifierNameSyntax i when i.Identifier.Text == "Stopwatch" => "a stopwatch (time comes from the HAL clock)",
                ObjectCreationExpressionSyntax o when o.Type.ToString() is "Random" or "System.Random" => "a random number generator",
                _ => null,
            };
            if (what != null)
            {
                var line = node.GetLocation().GetLineSpan();
                yield return $"{line.Path}({line.StartLinePosition.Line + 1}): {what}";
            }
        }
    }

    private static bool Is(MemberAccessExpressionSyntax m, string type, params string[] members) =>
        members.Contains(m.Name.Identifier.Text) && (m.Expression.ToString() == type || m.Expression.ToString().EndsWith("." + type, StringComparison.Ordinal));
}
