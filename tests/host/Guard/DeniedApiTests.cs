using OpenIdds.Guard;

namespace OpenIdds.Tests.Host.Guard;

/// <summary>
/// NANOFRAMEWORK-GUARD: each denied use, dropped into a firmware library, fails its device build
/// with an error that names it. The first rows are members the .NET library has and nanoFramework
/// 1.17.11's mscorlib lacks (the real reference decides); the rest compile against that mscorlib
/// but fail or misbehave on a device, and <see cref="DeniedApis"/> refuses them.
/// </summary>
[TestClass]
public class DeniedApiTests
{
    [TestMethod]
    [DataRow("class D { bool b = char.IsDigit('1'); }", "IsDigit")]
    [DataRow("class D { bool b = char.IsLetter('a'); }", "IsLetter")]
    [DataRow("class D { bool b = char.IsWhiteSpace(' '); }", "IsWhiteSpace")]
    [DataRow("class D { string s = System.Environment.NewLine; }", "Environment")]
    [DataRow("class D { bool k(System.Collections.Hashtable h) { return h.ContainsKey(1); } }", "Hashtable")]
    [DataRow("class D { [System.ThreadStatic] static int x; }", "ThreadStatic")]
    [DataRow("class D { void g() { System.GC.Run(true); } }", "Run")]
    [DataRow("class D { int r(System.Array a) { return a.Rank; } }", "Rank")]
    [DataRow("class D { bool w(string s) { return string.IsNullOrWhiteSpace(s); } }", "IsNullOrWhiteSpace")]
    [DataRow("class D { bool w(string s) { return s.StartsWith(\"a\", System.StringComparison.Ordinal); } }", "StringComparison")]
    [DataRow("using System.Collections.Generic; class D { List<int> l = new List<int>(); }", "Generic")]
    [DataRow("using System.Linq; class D { }", "Linq")]
    [DataRow("class D { int? n; }", "Nullable")]
    [DataRow("class D { async void A() { } }", "AsyncVoidMethodBuilder")]
    [DataRow("class D { System.Collections.IEnumerable Y() { yield return 1; } }", "IEnumerator`1")]
    [DataRow("class D { string R(string s) { return s.Replace(\"a\", \"b\"); } }", "Replace")]
    [DataRow("class D { string J() { return string.Join(\",\", new string[0]); } }", "Join")]
    [DataRow("class D { System.Span<byte> s; }", "Span<>")]
    [DataRow("class D { decimal m; }", "System.Decimal")]
    [DataRow("class D { System.DateTime n = System.DateTime.Now; }", "Now")]
    [DataRow("class D { System.TimeSpan t = System.TimeSpan.FromSeconds(1.5); }", "'double' to 'long'")]
    [DataRow("class D { long l; void I() { System.Threading.Interlocked.Increment(ref l); } }", "'ref long' to 'ref int'")]
    [DataRow("class D { (int, int) t; }", "ValueTuple")]
    [DataRow("enum E { A } class D { object o = System.Enum.Parse(typeof(E), \"A\"); }", "Parse")]
    [DataRow("class D { void s(int[] a) { System.Array.Sort(a); } }", "Sort")]
    [DataRow("class D { int n = new System.Random().Next(1, 5); }", "Next")]
    [DataRow("class D { System.Exception e = new System.OverflowException(); }", "OverflowException")]
    [DataRow("class D { System.Exception e = new System.DivideByZeroException(); }", "DivideByZeroException")]
    [DataRow("class D { System.Text.StringBuilder sb; }", "Text")]
    // Present in mscorlib 1.17.11, refused by DeniedApis:
    [DataRow("class D { System.Action<int> a; }", "Action<int>")]
    [DataRow("class D { System.Func<int> f; }", "Func<int>")]
    [DataRow("class G<T> { }", "generic type or method declaration")]
    [DataRow("enum E { A } class D { string s = E.A.ToString(); }", "E.ToString()")]
    [DataRow("enum E { A } class D { string s = $\"{E.A}\"; }", "interpolated string")]
    [DataRow("interface I { void M() { } }", "default interface member")]
    [DataRow("class D { int x = checked(1 + 2); }", "checked arithmetic")]
    [DataRow("class D { void M(in int x) { } }", "'in' parameter")]
    public void A_denied_API_fails_the_device_build_with_an_error_naming_it(string source, string named)
    {
        var units = DeviceBuild.Compiler.Libraries.Single(l => l.AssemblyName == "OpenIdds.Firmware.Units");
        var built = DeviceBuild.Compiler.BuildWith(units, "", DeviceCompiler.Production, ("firmware/Units/Denied.cs", source));
        Assert.IsTrue(built.Errors.Count > 0, $"'{source}' compiled for nanoFramework but must not");
        Assert.IsTrue(built.Errors.Any(e => e.GetMessage().Contains(named, StringComparison.Ordinal) && e.Location.SourceTree?.FilePath == "firmware/Units/Denied.cs"),
            $"no error in firmware/Units/Denied.cs names '{named}': " + built.ErrorText);
    }

    [TestMethod]
    public void What_nanoFramework_has_compiles()
    {
        var units = DeviceBuild.Compiler.Libraries.Single(l => l.AssemblyName == "OpenIdds.Firmware.Units");
        var built = DeviceBuild.Compiler.BuildWith(units, "", DeviceCompiler.Production, ("firmware/Units/Allowed.cs",
            "class D { string s = $\"{1} {\"a,b\".Split(',')[0].Trim()}\"; object l = new System.Collections.ArrayList(); System.Action a = () => { }; int i = \"abc\".IndexOf(\"b\"); }"));
        Assert.AreEqual(0, built.Errors.Count, built.ErrorText);
    }
}
