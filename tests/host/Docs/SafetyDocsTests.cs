using OpenIdds.Firmware.Safety;

namespace OpenIdds.Tests.Host.Docs;

/// <summary>docs/safety.md's transition table is the code's: every cell, legal and illegal, is checked against SafetyStateMachine.</summary>
[TestClass]
public class SafetyDocsTests
{
    /// <summary>The docs write names with spaces ("power-on self-test", "safe state"); the code with hyphens.</summary>
    private static string Normal(string name) => name.Trim().Replace(' ', '-');

    [TestMethod]
    public void The_docs_transition_table_matches_the_state_machine_cell_by_cell()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "safety.md"));
        int header = Array.FindIndex(lines, l => l.StartsWith("| From \\ trigger |", StringComparison.Ordinal));
        Assert.IsTrue(header >= 0, "docs/safety.md has no transition table");
        string[] triggers = lines[header].Split('|')[2..^1].Select(Normal).ToArray();
        var states = Enum.GetValues<SafetyState>();
        var allTriggers = Enum.GetValues<SafetyTrigger>();
        CollectionAssert.AreEquivalent(allTriggers.Select(SafetyStateMachine.TriggerName).ToArray(), triggers, "the table's columns are every trigger");
        int rows = 0;
        for (int i = header + 2; i < lines.Length && lines[i].StartsWith('|'); i++, rows++)
        {
            string[] cells = lines[i].Split('|')[1..^1];
            string fromName = Normal(cells[0]);
            SafetyState from = states.Single(s => SafetyStateMachine.StateName(s) == fromName);
            for (int c = 0; c < triggers.Length; c++)
            {
                SafetyTrigger trigger = allTriggers.Single(t => SafetyStateMachine.TriggerName(t) == triggers[c]);
                string cell = Normal(cells[c + 1]);
                bool legal = SafetyStateMachine.TryNext(from, trigger, out SafetyState next);
                string where = $"docs/safety.md: {fromName} on {triggers[c]}";
                if (cell.Length == 0) Assert.IsFalse(legal, $"{where} is empty, but the code goes to {SafetyStateMachine.StateName(next)}");
                else
                {
                    Assert.IsTrue(legal, $"{where} says {cell}, but the code rejects it");
                    Assert.AreEqual(SafetyStateMachine.StateName(next), cell, where);
                }
            }
        }
        Assert.AreEqual(states.Length, rows, "the table has a row for every state");
    }
}
