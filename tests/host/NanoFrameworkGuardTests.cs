using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenIdds.Tests.Host;

/// <summary>
/// The guard itself under test: the portable sources compile against the nanoFramework reference,
/// and each denied API, dropped into firmware/, fails with an error that names it. The same
/// compilation the guard project runs - its Compile globs and symbols, read from guard/Guard.csproj
/// (<see cref="GuardProject"/>) - is rebuilt here with Roslyn so each case takes milliseconds, and once
/// more without the build switches, so the production branch of every #if is compiled too.
/// </summary>
[TestClass]
public class NanoFrameworkGuardTests
{
    /// <summary>What nf.proj defines for a production build: the SDK's symbol and no build switch.</summary>
    private static readonly string[] Production = { "NANOFRAMEWORK_1_0" };

    private static readonly Lazy<MetadataReference> Corlib = new(() => MetadataReference.CreateFromFile(
        Path.Combine(RepositoryPaths.Root, "guard", "reference", "bin", RepositoryPaths.Configuration, "net10.0", "mscorlib.dll")));

    private static readonly Lazy<IReadOnlyList<string>> Sources = new(GuardProject.Sources);

    private static readonly Dictionary<string, SyntaxTree[]> TreesBySymbols = new();

    private static SyntaxTree[] Trees(string[] symbols)
    {
        string key = string.Join(";", symbols);
        lock (TreesBySymbols)
        {
            if (!TreesBySymbols.TryGetValue(key, out var trees))
            {
                var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols);
                trees = Sources.Value.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToArray();
                TreesBySymbols[key] = trees;
            }
            return trees;
        }
    }

    /// <summary>
    /// Compiles the portable sources (<paramref name="extraSource"/> empty) or one denied use on its own
    /// against the same reference and options: the reference alone decides what exists, so a denied
    /// API fails alike beside the firmware or without it, and each case then takes milliseconds.
    /// </summary>
    private static Diagnostic[] CompileWith(string extraSource, string[]? symbols = null)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols ?? Production);
        var all = extraSource.Length > 0
            ? new List<SyntaxTree> { CSharpSyntaxTree.ParseText(extraSource, options, "firmware/Denied.cs") }
            : Trees(symbols ?? Production).ToList();
        var compilation = CSharpCompilation.Create("Guard", all, new[] { Corlib.Value },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var pe = new MemoryStream();
        return compilation.Emit(pe).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
    }

    [TestMethod]
    public void The_portable_sources_compile_for_nanoFramework_in_production_and_with_every_build_switch()
    {
        CollectionAssert.Contains(GuardProject.DefineConstants, "NANOFRAMEWORK_1_0");
        CollectionAssert.Contains(GuardProject.DefineConstants, "BENCH");
        CollectionAssert.Contains(GuardProject.DefineConstants, "SELFTEST");
        foreach (var symbols in new[] { Production, GuardProject.DefineConstants })
        {
            var errors = CompileWith("", symbols);
            Assert.AreEqual(0, errors.Length, string.Join(";", symbols) + ": " + string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }
    }

    [TestMethod]
    public void The_guard_project_globs_pick_up_the_portable_folders_and_nothing_built()
    {
        var files = Sources.Value.Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/')).ToList();
        foreach (string known in new[] { "firmware/Dosing/DosingScheduler.cs", "hal/Drivers/StepDirDriver.cs", "tests/unit/DosingSchedulerTests.cs", "boards/shared/portable/BoardLoop.cs" })
            CollectionAssert.Contains(files, known);
        Assert.IsFalse(files.Any(f => f.Contains("/obj/", StringComparison.Ordinal) || f.Contains("/bin/", StringComparison.Ordinal)), "build output is excluded");
        Assert.IsTrue(files.All(f => f.EndsWith(".cs", StringComparison.Ordinal)), string.Join(", ", files.Where(f => !f.EndsWith(".cs", StringComparison.Ordinal))));
    }

    [TestMethod]
    [DataRow("using System.Collections.Generic; class D { List<int> l = new List<int>(); }", "List<>")]
    [DataRow("using System.Linq; class D { }", "Linq")]
    [DataRow("enum E { A } class D { string s = E.A.ToString(); }", "Enum.ToString()")]
    [DataRow("class D { int? n; }", "Nullable")]
    [DataRow("class D { async void A() { } }", "AsyncVoidMethodBuilder")]
    [DataRow("class D { System.Collections.IEnumerable Y() { yield return 1; } }", "IEnumerable`1")]
    [DataRow("class D { string R(string s) { return s.Replace(\"a\", \"b\"); } }", "Replace")]
    [DataRow("class D { string J() { return string.Join(\",\", new string[0]); } }", "Join")]
    [DataRow("class D { System.Span<byte> s; }", "Span<>")]
    [DataRow("class D { decimal m; }", "System.Decimal")]
    [DataRow("class D { System.DateTime n = System.DateTime.Now; }", "Now")]
    [DataRow("class D { System.TimeSpan t = System.TimeSpan.FromSeconds(1.5); }", "'double' to 'long'")]
    [DataRow("class D { long l; void I() { System.Threading.Interlocked.Increment(ref l); } }", "'ref long' to 'ref int'")]
    [DataRow("class D { (int, int) t; }", "ValueTuple")]
    [DataRow("interface I { void M() { } }", "default interface")]
    public void A_denied_API_fails_with_an_error_naming_it(string source, string named)
    {
        var errors = CompileWith(source);
        Assert.IsTrue(errors.Length > 0, $"'{source}' compiled for nanoFramework but must not");
        Assert.IsTrue(errors.Any(e => e.GetMessage().Contains(named, StringComparison.Ordinal)),
            $"no error names '{named}': " + string.Join(" | ", errors.Select(e => e.GetMessage())));
    }

    [TestMethod]
    public void The_guard_covers_every_board_and_a_denied_API_in_a_board_file_fails()
    {
        var files = Sources.Value.Select(f => f.Replace('\\', '/')).ToList();
        foreach (string board in new[] { "boards/esp32-devkitc/device/", "boards/stm32-nucleo-f746zg/device/", "boards/shared/device/", "boards/shared/portable/" })
            Assert.IsTrue(files.Any(f => f.Contains(board, StringComparison.Ordinal)), $"the guard does not compile {board}");
        Assert.IsFalse(files.Any(f => f.Contains("boards/linux-sbc/", StringComparison.Ordinal)), "the Linux board is host code");
        var trees = Trees(Production);
        var corlib = Corlib.Value;
        var options = (CSharpParseOptions)trees[0].Options;
        var denied = CSharpSyntaxTree.ParseText("namespace OpenIdds.Boards { class Denied { System.Collections.Generic.List<int> pins = null; } }", options, "boards/esp32-devkitc/device/Denied.cs");
        var errors = CSharpCompilation.Create("Guard", trees.Append(denied), new[] { corlib }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.IsTrue(errors.Any(e => e.Location.SourceTree?.FilePath == "boards/esp32-devkitc/device/Denied.cs" && e.GetMessage().Contains("Generic", StringComparison.Ordinal)),
            string.Join(" | ", errors.Select(e => e.ToString())));
    }

    /// <summary>
    /// nanoFramework 1.17 cannot run generics even where the compiler could emit them (a generic class
    /// of our own needs no library type), nor checked arithmetic (no OverflowException), nor stackalloc.
    /// No reference can deny a language feature, so the syntax is checked here.
    /// </summary>
    [TestMethod]
    public void Portable_sources_declare_no_generics_checked_arithmetic_or_stackalloc()
    {
        var findings = Trees(GuardProject.DefineConstants).Concat(Trees(Production)).SelectMany(DeniedSyntax).Distinct().ToArray();
        Assert.AreEqual(0, findings.Length, string.Join(Environment.NewLine, findings));
    }

    [TestMethod]
    public void The_syntax_check_finds_a_generic_declaration()
    {
        var tree = CSharpSyntaxTree.ParseText("class G<T> { void M<U>() { int x = checked(1 + 2); } }", path: "firmware/Denied.cs");
        Assert.AreEqual(3, DeniedSyntax(tree).Count());
    }

    private static IEnumerable<string> DeniedSyntax(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            string? what = node switch
            {
                TypeParameterListSyntax => "a generic type or method (nanoFramework 1.17 has no generics)",
                CheckedExpressionSyntax c when c.IsKind(SyntaxKind.CheckedExpression) => "checked arithmetic (nanoFramework has no OverflowException)",
                CheckedStatementSyntax c when c.IsKind(SyntaxKind.CheckedStatement) => "a checked block (nanoFramework has no OverflowException)",
                StackAllocArrayCreationExpressionSyntax => "stackalloc (nanoFramework has no Span)",
                ParameterSyntax p when p.Modifiers.Any(SyntaxKind.InKeyword) => "an 'in' parameter",
                _ => null,
            };
            if (what != null)
            {
                var line = node.GetLocation().GetLineSpan();
                yield return $"{line.Path}({line.StartLinePosition.Line + 1}): {what}";
            }
        }
    }
}
