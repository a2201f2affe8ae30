using System.Text.RegularExpressions;
using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Tests.Host.Docs;

/// <summary>
/// docs/protocol.md documents every command (its code, name and roles) and every status of the
/// message set in code, and docs/persistence.md every event kind; every rule code has a name.
/// Add a command, a status or an event and forget the docs, and one of these fails.
/// </summary>
[TestClass]
public class ProtocolDocsTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", name));

    [TestMethod]
    public void Every_command_is_in_the_docs_with_its_code_and_roles()
    {
        string doc = Doc("protocol.md");
        int documented = 0;
        for (int code = 0; code < 256; code++)
        {
            if (!CommandTable.TryGet(code, out int roles, out bool authenticated)) continue;
            string row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| 0x{code:X2} | `{CommandTable.Name(code)}` |", StringComparison.Ordinal))
                ?? throw new AssertFailedException($"docs/protocol.md has no row for 0x{code:X2} {CommandTable.Name(code)}");
            string rolesCell = row.Split('|')[3];
            for (int r = 0; r < RoleName.Count; r++)
                Assert.AreEqual((roles & (1 << r)) != 0 && authenticated, rolesCell.Contains(RoleName.Of((Role)r)) && !rolesCell.Contains("any"), $"{CommandTable.Name(code)}: role {RoleName.Of((Role)r)} in '{rolesCell.Trim()}'");
            documented++;
        }
        Assert.IsTrue(documented >= 15, $"{documented} commands");
    }

    [TestMethod]
    public void Every_iddsctl_command_is_in_the_docs()
    {
        var help = new StringWriter();
        OpenIdds.Programmer.Cli.IddsCtl.Run(["--help"], help, new StringReader(""));
        string[] lines = help.ToString().Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd() == "Commands:");
        Assert.IsTrue(start >= 0, help.ToString());
        var commands = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.IsTrue(commands.Count >= 10, string.Join(",", commands));
        string doc = Doc("protocol.md");
        foreach (string command in commands)
            Assert.IsTrue(Regex.IsMatch(doc, $@"^iddsctl (--port \S+ )?{Regex.Escape(command)}\b", RegexOptions.Multiline), $"docs/protocol.md's iddsctl section has no line for `iddsctl {command}`");
    }

    [TestMethod]
    public void Every_status_is_in_the_docs()
    {
        string doc = Doc("protocol.md");
        foreach (ProtocolStatus status in Enum.GetValues<ProtocolStatus>())
            Assert.IsTrue(doc.Contains($"`{ProtocolStatusName.Of(status)}`"), $"docs/protocol.md does not name status {ProtocolStatusName.Of(status)}");
    }

    [TestMethod]
    public void Every_event_kind_is_in_the_persistence_docs()
    {
        string doc = Doc("persistence.md");
        foreach (EventKind kind in Enum.GetValues<EventKind>())
        {
            string name = EventKindName.Of(kind);
            Assert.AreNotEqual("unknown", name, $"{kind} has no name");
            string stem = Regex.Replace(name, "^alarm-(cleared|silenced|acknowledged|reannunciated)$", "alarm-raised");
            Assert.IsTrue(doc.Contains($"`{name}`") || doc.Contains($"`-{name.Split('-').Last()}`") || doc.Contains($"`{stem}`"), $"docs/persistence.md does not document event {name}");
        }
    }

    [TestMethod]
    public void Every_rule_code_has_a_name()
    {
        foreach (TherapyError code in Enum.GetValues<TherapyError>())
            Assert.IsFalse(TherapyErrorName.Of(code).StartsWith("error-", StringComparison.Ordinal), $"TherapyError.{code} ({(int)code}) has no name in TherapyErrorName");
    }
}
