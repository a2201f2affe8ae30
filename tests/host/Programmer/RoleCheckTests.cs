using OpenIdds.Programmer.Cli;

namespace OpenIdds.Tests.Host.Programmer;

/// <summary>ROLE-BEFORE-LINK: a command --role may not send is refused before the link opens, saying why.</summary>
[TestClass]
public class RoleCheckTests
{
    private static (int Exit, string Output) Iddsctl(params string[] args)
    {
        var output = new StringWriter();
        int exit = IddsCtl.Run(args, output, new StringReader(""));
        return (exit, System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\s+", " "));
    }

    [TestMethod]
    [DataRow(new[] { "--role", "patient", "program", "rx.json" }, "program needs the clinician role (program), and --role is patient: nothing was sent")]
    [DataRow(new[] { "--role", "clinician", "diary", "pain", "4" }, "diary needs the patient role (add-diary-entry), and --role is clinician")]
    [DataRow(new[] { "--role", "patient", "bolus", "--dose", "100" }, "bolus needs the clinician role (clinician-bolus)")]
    [DataRow(new[] { "--role", "patient", "calibrate", "--nl-per-step", "250" }, "calibrate needs the service role (calibrate)")]
    public void A_command_the_role_may_not_send_is_refused_before_the_port_is_opened(string[] args, string message)
    {
        // The port does not exist: reaching it would be a link error, not this refusal.
        var (exit, output) = Iddsctl(new[] { "--port", "/dev/openidds-no-such-port" }.Concat(args).ToArray());
        Assert.AreEqual(2, exit, output);
        StringAssert.Contains(output, message);
    }
}
