using OpenIdds.Guard;

namespace OpenIdds.Tests.Host.Guard;

/// <summary>
/// The stand-ins (guard/standins) replace only the nanoFramework packages that do not restore here,
/// each at the version Directory.Packages.props pins, and every package a device project names has
/// one: so the guard's view of a package is the device build's, version for version.
/// </summary>
[TestClass]
public class StandInTests
{
    private static DeviceCompiler C => DeviceBuild.Compiler;

    [TestMethod]
    public void Every_package_a_device_project_references_is_pinned_and_the_core_library_or_a_stand_in()
    {
        var projects = C.Libraries.Concat(C.TestProjects).Append(C.Application);
        foreach (var project in projects)
            foreach (string board in C.Boards)
                foreach (string package in project.PackageReferences(board))
                {
                    DeviceBuildTests.PinnedVersion(package);
                    Assert.IsTrue(package == DeviceCompiler.CoreLibraryPackage || C.StandIns.ContainsKey(package),
                        $"{C.Relative(project.Path)} references {package}, which has no stand-in in guard/standins");
                }
    }

    [TestMethod]
    public void Every_stand_in_is_at_the_pinned_version_and_names_the_source_it_was_checked_against()
    {
        Assert.IsTrue(C.StandIns.Count > 0);
        foreach (var standIn in C.StandIns.Values)
        {
            Assert.AreEqual(DeviceBuildTests.PinnedVersion(standIn.PackageId), standIn.Version, $"guard/standins/{standIn.PackageId}/standin.txt");
            StringAssert.Contains(standIn.Source, "nanoframework", $"guard/standins/{standIn.PackageId}/standin.txt names no upstream source");
            Assert.AreNotEqual(DeviceCompiler.CoreLibraryPackage, standIn.PackageId, "the core library is the real one, never a stand-in");
        }
    }

    [TestMethod]
    public void A_package_a_project_does_not_reference_is_not_visible_to_it()
    {
        // Units references only the core library: a GPIO pin there fails, as it would on the device build.
        var units = C.Libraries.Single(l => l.AssemblyName == "OpenIdds.Firmware.Units");
        var built = C.BuildWith(units, "", DeviceCompiler.Production, ("firmware/Units/Pin.cs", "class Pin { System.Device.Gpio.GpioPin p; }"));
        Assert.IsTrue(built.Errors.Any(e => e.GetMessage().Contains("Device", StringComparison.Ordinal)), built.ErrorText);
    }
}
