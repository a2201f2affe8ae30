namespace OpenIdds.Tests.Host.Docs;

/// <summary>
/// Issue 15 finding 3: every board README says what detects a stalled rotor, a lost motor supply, an
/// occlusion and a disconnection on that board - and never that the driver's fault line sees a stall.
/// </summary>
[TestClass]
public class BoardDetectionTableTests
{
    private static readonly string[] Boards = { "esp32-devkitc", "stm32-nucleo-f746zg", "linux-sbc" };
    private static readonly string[] Events = { "Stalled or jammed rotor", "Motor-supply loss", "Occlusion", "Catheter disconnection" };

    [TestMethod]
    public void Every_board_readme_has_a_what_detects_what_row_for_stall_supply_loss_occlusion_and_disconnection()
    {
        foreach (string board in Boards)
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "boards", board, "README.md")).Replace("\r\n", "\n");
            int section = readme.IndexOf("\n## What detects what\n", StringComparison.Ordinal);
            Assert.IsTrue(section >= 0, $"{board}/README.md has no \"## What detects what\" section");
            int end = readme.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
            string[] rows = readme[section..(end < 0 ? readme.Length : end)].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToArray();
            foreach (string name in Events)
            {
                string? row = rows.FirstOrDefault(r => r.StartsWith("| " + name, StringComparison.Ordinal));
                Assert.IsNotNull(row, $"{board}/README.md: no \"{name}\" row in What detects what");
                Assert.IsTrue(row.Split('|').Length >= 6, $"{board}/README.md: the \"{name}\" row needs detected by, alarm and not detected by");
            }
            string stall = rows.First(r => r.StartsWith("| Stalled", StringComparison.Ordinal));
            string detectedBy = stall.Split('|')[2];
            Assert.IsFalse(detectedBy.Contains("nFAULT", StringComparison.Ordinal) || detectedBy.Contains("DIAG", StringComparison.Ordinal),
                $"{board}/README.md names the driver's fault line as a stall detector: {detectedBy.Trim()}");
            StringAssert.Contains(stall.Split('|')[4], "nFAULT", $"{board}/README.md: the stall row says the fault line does not see it");
        }
    }
}
