using System.Text;
using OpenIdds.Firmware.Safety;

namespace OpenIdds.Tests.Host.Docs;

/// <summary>
/// docs/alarms.md carries the alarm table exactly as the code has it (AlarmTable). Change a row in
/// code and this test fails, printing the table to paste between the markers.
/// </summary>
[TestClass]
public class AlarmDocsTests
{
    public const string Begin = "<!-- alarm-table:begin (generated from firmware/Safety/AlarmTable.cs; AlarmDocsTests checks it) -->";
    public const string End = "<!-- alarm-table:end -->";

    public static string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Code | Alarm | Priority | Latched | Audio pause | Re-announces after ack | Stops delivery | Why |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < AlarmTable.Count; i++)
        {
            var row = AlarmTable.At(i);
            string Minutes(long ms) => ms == 0 ? "no" : $"{ms / 60000} min";
            sb.AppendLine($"| {(int)row.Code} | `{row.Name}` | {AlarmTable.PriorityName(row.Priority)} | {(row.Latched ? "yes" : "no")} | {Minutes(row.SilenceMilliseconds)} | {Minutes(row.ReannunciateMilliseconds)} | {(row.StopsDelivery ? "yes" : "no")} | {row.Why} |");
        }
        return sb.ToString();
    }

    [TestMethod]
    public void The_docs_alarm_table_matches_the_code()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "alarms.md")).Replace("\r\n", "\n");
        int a = doc.IndexOf(Begin, StringComparison.Ordinal), b = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.IsTrue(a >= 0 && b > a, "docs/alarms.md lacks the alarm-table markers");
        string inDoc = doc[(a + Begin.Length)..b].Trim('\n');
        string fromCode = Render().Replace("\r\n", "\n").Trim('\n');
        Assert.AreEqual(fromCode, inDoc, "paste this between the markers:\n" + fromCode);
    }
}
