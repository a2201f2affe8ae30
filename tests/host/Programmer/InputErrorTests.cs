using OpenIdds.HostLib;
using OpenIdds.Programmer.Cli;
using OpenIdds.Programmer.Link;

namespace OpenIdds.Tests.Host.Programmer;

/// <summary>Every input error is exit 2 naming the field and the limit: no stack trace, nothing accepted silently.</summary>
[TestClass]
public class InputErrorTests
{
    private static (int Exit, string Output) Iddsctl(params string[] args)
    {
        var output = new StringWriter();
        int exit;
        try { exit = IddsCtl.Run(args, output, new StringReader("")); }
        catch (Exception e) { return (-1, e.ToString()); }
        return (exit, System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\s+", " "));
    }

    [TestMethod]
    [DataRow("[1, 2]", "the top level must be an object")]
    [DataRow("{ \"devices\": [] }", "devices must be an object")]
    [DataRow("{ \"devices\": { \"SIM-0001\": { \"clinician\": 7 } } }", "devices.SIM-0001.clinician is not 64 hex digits")]
    [DataRow("{ \"devices\": { \"SIM-0001\": { \"clinician\": \"00ff\" } } }", "devices.SIM-0001.clinician is not 64 hex digits")]
    [DataRow("{ \"devices\": {}, \"devices\": {} }", "devices")]
    public void A_key_file_of_the_wrong_shape_is_exit_2_naming_the_field(string json, string named)
    {
        string file = Path.Combine(Path.GetTempPath(), $"openidds-keys-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, json);
            var (exit, output) = Iddsctl("--keys", file, "keys", "show");
            Assert.AreEqual(2, exit, output);
            StringAssert.Contains(output, named);
        }
        finally { File.Delete(file); }
    }

    [TestMethod]
    [DataRow("{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_h\": 1e27 }", "rate_ul_per_h")]
    [DataRow("{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_h\": 20, \"patient_bolus\": { \"dose_ug\": 100, \"duration\": \"99999999999999999999s\", \"max_per_24h\": 4 } }", "patient_bolus.duration")]
    [DataRow("{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_h\": 20, \"patient_bolus\": { \"dose_ug\": 100, \"duration\": \"10m\", \"lockout\": \"106751991168d\", \"max_per_24h\": 4 } }", "patient_bolus.lockout")]
    [DataRow("{ \"drug\": \"morphine\", \"drug\": \"baclofen\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_h\": 20 }", "drug")]
    public void A_prescription_file_with_a_value_out_of_range_or_a_duplicate_key_is_refused_naming_the_field(string json, string named)
    {
        string file = Path.Combine(Path.GetTempPath(), $"openidds-rx-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, json);
            var e = Assert.ThrowsExactly<InputException>(() => PrescriptionFile.Load(file));
            StringAssert.Contains(e.Message, named);
        }
        finally { File.Delete(file); }
    }

    [TestMethod]
    [DataRow("{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_hr\": 20 }", "rate_ul_per_hr: 'rate_ul_per_hr' is not a field here; did you mean 'rate_ul_per_h'?")]
    [DataRow("{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"continuous\", \"rate_ul_per_h\": 20, \"patient_bolus\": { \"dose_ug\": 100, \"lockuot\": \"2h\", \"max_per_24h\": 4 } }", "patient_bolus.lockuot: 'lockuot' is not a field here; did you mean 'lockout'? The fields of patient_bolus are: dose_ug, duration, lockout, max_per_24h")]
    [DataRow("{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"flex\", \"steps\": [ { \"at\": \"06:00\", \"rate\": 2 } ] }", "steps[0].rate: 'rate' is not a field here")]
    [DataRow("{ \"Drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"stopped\" }", "did you mean 'drug'?")]
    public void An_unknown_or_misspelt_field_is_refused_naming_it_and_the_field_meant(string json, string named)
    {
        string file = Path.Combine(Path.GetTempPath(), $"openidds-rx-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, json);
            var e = Assert.ThrowsExactly<InputException>(() => PrescriptionFile.Load(file));
            StringAssert.Contains(e.Message, named);
            Assert.IsFalse(e.Message.Contains(".NET") || e.Message.Contains("OpenIdds."), e.Message);
        }
        finally { File.Delete(file); }
    }

    [TestMethod]
    public void Two_hundred_flex_steps_are_refused_naming_the_limit()
    {
        string file = Path.Combine(Path.GetTempPath(), $"openidds-rx-{Guid.NewGuid():N}.json");
        try
        {
            string steps = string.Join(",", Enumerable.Range(0, 200).Select(i => $"{{ \"at\": \"{i % 24}:00\", \"rate_ul_per_h\": 20 }}"));
            File.WriteAllText(file, $"{{ \"drug\": \"morphine\", \"concentration_ug_per_ml\": 10000, \"mode\": \"flex\", \"steps\": [{steps}] }}");
            var e = Assert.ThrowsExactly<InputException>(() => PrescriptionFile.Load(file));
            StringAssert.Contains(e.Message, "200 flex steps is above the limit 12");
        }
        finally { File.Delete(file); }
    }

    [TestMethod]
    public void The_key_file_is_written_owner_only_by_a_rename_leaving_no_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory("openidds-keys-").FullName;
        try
        {
            string file = Path.Combine(folder, "keys.json");
            Assert.AreEqual(0, Iddsctl("--keys", file, "keys", "dev", "--device", "SIM-0001").Exit);
            Assert.AreEqual(0, Iddsctl("--keys", file, "keys", "dev", "--device", "SIM-0002").Exit);
            if (!OperatingSystem.IsWindows()) Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            CollectionAssert.AreEqual(new[] { file }, Directory.GetFiles(folder));
            StringAssert.Contains(Iddsctl("--keys", file, "keys", "show").Output, "SIM-0002");
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
