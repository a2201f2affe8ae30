using OpenIdds.Guard;

namespace OpenIdds.Tests.Host.Guard;

/// <summary>
/// NANOFRAMEWORK-GUARD: the device build, made on the host. Each library (every nf.proj), each
/// on-device test project (tests/nano/*/NFUnitTest.proj) and the board application for every board
/// and build switch is compiled on its own against the real nanoFramework 1.17 mscorlib and the
/// package stand-ins, referencing only what its project file references - so an API nanoFramework
/// lacks, an internal member used across assemblies, or a test that compiles only inside the firmware
/// assembly fails here, named with its file and line.
/// </summary>
[TestClass]
public class DeviceBuildTests
{
    private static DeviceCompiler C => DeviceBuild.Compiler;

    [TestMethod]
    public void Every_library_test_project_and_board_application_builds_for_nanoFramework()
    {
        var failures = DeviceBuild.All().Where(a => a.Errors.Count > 0)
            .Select(a => DeviceBuild.Describe(a) + ":" + Environment.NewLine + a.ErrorText).ToList();
        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void The_guard_compiles_against_the_real_nanoFramework_core_library_at_the_pinned_version()
    {
        Assert.IsTrue(File.Exists(DeviceCompiler.CoreLibraryPath), DeviceCompiler.CoreLibraryPath);
        StringAssert.Contains(DeviceCompiler.CoreLibraryPath.Replace('\\', '/'), "/nanoframework.corelibrary/" + PinnedVersion("nanoFramework.CoreLibrary") + "/lib/mscorlib.dll");
        var name = System.Reflection.AssemblyName.GetAssemblyName(DeviceCompiler.CoreLibraryPath);
        Assert.AreEqual("mscorlib", name.Name);
        Assert.AreEqual(PinnedVersion("nanoFramework.CoreLibrary") + ".0", name.Version!.ToString());
    }

    [TestMethod]
    public void Every_firmware_folder_is_a_library_of_its_own_and_the_application_builds_on_all_of_them()
    {
        var libraries = C.Libraries.Select(l => l.Directory).ToHashSet();
        string[] folders = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "firmware"))
            .Where(d => Directory.EnumerateFiles(d, "*.cs").Any()).Append(Path.Combine(RepositoryPaths.Root, "hal")).ToArray();
        foreach (string folder in folders)
            Assert.IsTrue(libraries.Contains(folder.Replace('\\', '/')), $"{C.Relative(folder)} has no nf.proj: its code would be in no device assembly");
        var applicationClosure = C.Application.Closure().Select(p => p.Path).ToHashSet();
        foreach (var library in C.Libraries)
            Assert.IsTrue(applicationClosure.Contains(library.Path), $"nf.proj does not reference {C.Relative(library.Path)}, so no board image carries it");
    }

    [TestMethod]
    public void Every_unit_test_folder_has_an_on_device_test_project_that_compiles_it()
    {
        string unit = Path.Combine(RepositoryPaths.Root, "tests", "unit");
        var compiled = C.TestProjects.SelectMany(t => t.Sources("")).ToHashSet();
        foreach (string file in Directory.EnumerateFiles(unit, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
            Assert.IsTrue(compiled.Contains(file.Replace('\\', '/')), $"{C.Relative(file)} is in no tests/nano/*/NFUnitTest.proj: it never runs on a device");
        foreach (var tests in C.TestProjects)
        {
            Assert.AreEqual("NFUnitTest", tests.AssemblyName, $"{C.Relative(tests.Path)}: nanoFramework's test adapter runs only an assembly named NFUnitTest");
            Assert.IsTrue(tests.IsTest, $"{C.Relative(tests.Path)} is not marked IsTestProject");
        }
    }

    [TestMethod]
    public void An_internal_member_used_from_another_assembly_fails_naming_it()
    {
        var device = C.Libraries.Single(l => l.AssemblyName == "OpenIdds.Firmware.Device");
        var built = C.BuildWith(device, "", DeviceCompiler.Production, ("firmware/Device/Probe.cs",
            "namespace OpenIdds.Firmware.Device { class Probe { object P() { return OpenIdds.Firmware.Therapy.Prescription.OfUndefinedMode(null!, 9, default); } } }"));
        Assert.IsTrue(built.Errors.Any(e => e.Id == "CS0117" || e.Id == "CS0122"), built.ErrorText);
        StringAssert.Contains(built.ErrorText, "OfUndefinedMode");
    }

    [TestMethod]
    public void InternalsVisibleTo_grants_only_the_tests_of_the_same_library()
    {
        foreach (var library in C.Libraries.Append(C.Application))
            foreach (string file in library.Sources(C.Boards[0]))
                foreach (string line in File.ReadLines(file).Where(l => l.Contains("InternalsVisibleTo", StringComparison.Ordinal) && l.TrimStart().StartsWith('[')))
                {
                    StringAssert.Contains(line, "(\"NFUnitTest\")", $"{C.Relative(file)}: a device library opens its internals to its own on-device tests only");
                    string layer = Path.GetFileName(library.Directory);
                    var own = C.TestProjects.SingleOrDefault(t => Path.GetFileName(t.Directory) == layer);
                    Assert.IsNotNull(own, $"{C.Relative(file)} grants internals, but {layer} has no tests/nano/{layer}/NFUnitTest.proj");
                }
    }

    [TestMethod]
    public void A_denied_API_in_a_board_file_fails_the_board_build_naming_it()
    {
        var built = C.BuildWith(C.Application, C.Boards[0], DeviceCompiler.Production, ("boards/shared/device/Denied.cs",
            "namespace OpenIdds.Boards { class Denied { bool D(char c) { return char.IsDigit(c); } } }"));
        Assert.IsTrue(built.Errors.Any(e => e.GetMessage().Contains("IsDigit", StringComparison.Ordinal) && e.Location.SourceTree?.FilePath == "boards/shared/device/Denied.cs"), built.ErrorText);
    }

    public static string PinnedVersion(string package)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));
        return props.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == package).Attribute("Version")!.Value;
    }
}
