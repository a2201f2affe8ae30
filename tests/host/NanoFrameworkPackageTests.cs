using System.Xml.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace OpenIdds.Tests.Host;

/// <summary>
/// The guard reference (guard/reference) may declare only what the device build can deliver: every
/// namespace it declares maps to nanoFramework packages, and every one of those packages is referenced
/// by nf.proj (or, for the test framework, by tests/nano/NFUnitTest.proj) with a version pinned in
/// Directory.Packages.props. Otherwise portable code could use an API that passes the guard and then
/// fails `dotnet build nf.proj` on the user's machine - as UartLink's System.IO.Ports once did.
/// </summary>
[TestClass]
public class NanoFrameworkPackageTests
{
    /// <summary>Where each declared namespace comes from on the device.</summary>
    private static readonly Dictionary<string, string[]> PackagesOfNamespace = new()
    {
        ["System"] = new[] { "nanoFramework.CoreLibrary" },
        ["System.Collections"] = new[] { "nanoFramework.CoreLibrary" },
        ["System.Runtime.CompilerServices"] = new[] { "nanoFramework.CoreLibrary" },
        ["System.Reflection"] = new[] { "nanoFramework.CoreLibrary" },
        ["System.Diagnostics"] = new[] { "nanoFramework.CoreLibrary" },
        ["System.Text"] = new[] { "nanoFramework.CoreLibrary" },
        ["System.Threading"] = new[] { "nanoFramework.CoreLibrary" },
        ["System.Device.Gpio"] = new[] { "nanoFramework.System.Device.Gpio" },
        ["System.Device.Pwm"] = new[] { "nanoFramework.System.Device.Pwm" },
        ["System.Device.Adc"] = new[] { "nanoFramework.System.Device.Adc" },
        ["System.IO"] = new[] { "nanoFramework.System.IO.FileSystem", "nanoFramework.System.IO.Streams" },
        ["System.IO.Ports"] = new[] { "nanoFramework.System.IO.Ports" },
        ["nanoFramework.Runtime.Native"] = new[] { "nanoFramework.Runtime.Native" },
        ["nanoFramework.Hardware.Esp32"] = new[] { "nanoFramework.Hardware.Esp32" },
        ["nanoFramework.Hardware.Stm32"] = new[] { "nanoFramework.Hardware.Stm32" },
        ["nanoFramework.TestFramework"] = new[] { "nanoFramework.TestFramework" },
    };

    /// <summary>Types that live in a package of their own although their namespace is mscorlib's.</summary>
    private static readonly Dictionary<string, string> PackageOfType = new()
    {
        ["System.Collections.Hashtable"] = "nanoFramework.System.Collections",
        ["System.Text.StringBuilder"] = "nanoFramework.System.Text",
        ["System.Math"] = "nanoFramework.System.Math",
        ["System.Diagnostics.Stopwatch"] = "nanoFramework.System.Diagnostics.Stopwatch",
    };

    private static List<(string Namespace, string Type)> DeclaredTypes()
    {
        var types = new List<(string, string)>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "guard", "reference"), "*.cs"))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetCompilationUnitRoot();
            foreach (var ns in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            foreach (var member in ns.Members)
            {
                string? name = member switch
                {
                    BaseTypeDeclarationSyntax t => t.Identifier.Text,
                    DelegateDeclarationSyntax d => d.Identifier.Text,
                    _ => null,
                };
                if (name != null) types.Add((ns.Name.ToString(), name));
            }
        }
        return types;
    }

    private static HashSet<string> PackageReferences(params string[] projects) =>
        projects.SelectMany(p => XDocument.Load(Path.Combine(RepositoryPaths.Root, p)).Descendants("PackageReference"))
            .Select(r => r.Attribute("Include")!.Value).ToHashSet(StringComparer.Ordinal);

    [TestMethod]
    public void Every_namespace_the_guard_reference_declares_maps_to_a_package_the_device_build_references()
    {
        var declared = DeclaredTypes();
        Assert.IsTrue(declared.Count > 50, $"only {declared.Count} types found in guard/reference");
        var device = PackageReferences("nf.proj");
        var onDeviceTests = PackageReferences(Path.Combine("tests", "nano", "NFUnitTest.proj"));
        var pinned = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Select(v => v.Attribute("Include")!.Value).ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var ns in declared.Select(t => t.Namespace).Distinct())
            if (!PackagesOfNamespace.ContainsKey(ns)) problems.Add($"namespace {ns} is declared but not mapped to a package here");
        foreach (var (ns, type) in declared)
        {
            if (!PackagesOfNamespace.TryGetValue(ns, out var packages)) continue;
            if (PackageOfType.TryGetValue(ns + "." + type, out var own)) packages = new[] { own };
            var referencing = ns == "nanoFramework.TestFramework" ? onDeviceTests : device;
            foreach (string package in packages)
            {
                if (!referencing.Contains(package)) problems.Add($"{ns}.{type} comes from {package}, which {(ns == "nanoFramework.TestFramework" ? "NFUnitTest.proj" : "nf.proj")} does not reference");
                if (!pinned.Contains(package)) problems.Add($"{package} has no version in Directory.Packages.props");
            }
        }
        Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems.Distinct()));
    }

    [TestMethod]
    public void The_map_names_no_namespace_the_reference_no_longer_declares()
    {
        var declared = DeclaredTypes().Select(t => t.Namespace).ToHashSet();
        CollectionAssert.AreEquivalent(PackagesOfNamespace.Keys.ToList(), declared.ToList());
    }
}
