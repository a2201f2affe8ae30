using System.Text;
using System.Text.RegularExpressions;
using OpenIdds.Bench.Balance;

namespace OpenIdds.Tests.Host.Bench;

/// <summary>
/// The parsers and the device against transcripts in the balances' own wire formats. MT-SICS: the reply
/// identifier, a status, the value right-aligned in 10 characters and the unit (MT-SICS reference
/// manuals); SBI: 16 characters with CR LF - sign, value in columns 3-10, unit in 12-14 - or 22 with a
/// 6-character identifier in front (Sartorius operating instructions, "Data output format"). Every line
/// is checked against its format first, so a hand-typed line of the wrong width cannot slip in.
/// </summary>
[TestClass]
public partial class BalanceTests
{
    [GeneratedRegexAttribute(@"^S [SD] [ +\-0-9.]{10} [a-z]{1,3}\r\n$")]
    private static partial Regex MtSicsWeightLine();

    /// <summary>Feeds one wire line through the real framing, as the transport does.</summary>
    private static string Framed(string wire)
    {
        var lines = new LineFraming().Push(Encoding.ASCII.GetBytes(wire), wire.Length).ToList();
        Assert.HasCount(1, lines, $"one CR LF line in '{wire}'");
        return lines[0];
    }

    [TestMethod]
    [DataRow("S S   52.12345 g\r\n", ReplyKind.Stable, 52123.45)]
    [DataRow("S D   52.12351 g\r\n", ReplyKind.Dynamic, 52123.51)]
    [DataRow("S S  100.00012 g\r\n", ReplyKind.Stable, 100000.12)]
    [DataRow("S S   -0.00012 g\r\n", ReplyKind.Stable, -0.12)]
    [DataRow("S S   52123.45 mg\r\n", ReplyKind.Stable, 52123.45)]
    [DataRow("S D    0.10021 kg\r\n", ReplyKind.Dynamic, 100210.0)]
    public void Mt_sics_weight_replies_parse_by_whitespace(string wire, ReplyKind kind, double milligrams)
    {
        Assert.IsTrue(MtSicsWeightLine().IsMatch(wire), $"'{wire.TrimEnd()}' is not an MT-SICS weight line (value right-aligned in 10 characters)");
        var reply = MtSicsParser.Parse(Framed(wire));
        Assert.AreEqual(kind, reply.Kind);
        Assert.AreEqual(milligrams, reply.Milligrams, 1e-6);
    }

    [TestMethod]
    [DataRow("S I\r\n", ReplyKind.NotExecutable)]
    [DataRow("S +\r\n", ReplyKind.Overload)]
    [DataRow("S -\r\n", ReplyKind.Underload)]
    [DataRow("ES\r\n", ReplyKind.SyntaxError)]
    [DataRow("ET\r\n", ReplyKind.TransmissionError)]
    [DataRow("EL\r\n", ReplyKind.LogicalError)]
    [DataRow("S S   52,12345 g\r\n", ReplyKind.Unreadable)]     // a decimal comma: not MT-SICS, never a weight
    [DataRow("S S   5\u00b2.1\u00b245 g\r\n", ReplyKind.Unreadable)] // 8 data bits read as 7: garbled digits
    [DataRow("I4 A \"B412345678\"\r\n", ReplyKind.Unreadable)]     // an answer to another command
    public void Mt_sics_status_and_error_replies_carry_no_weight(string wire, ReplyKind kind)
    {
        var reply = MtSicsParser.Parse(Framed(wire));
        Assert.AreEqual(kind, reply.Kind);
        Assert.IsFalse(reply.HasWeight);
    }

    [TestMethod]
    [DataRow("+ 52.12345 g  \r\n", ReplyKind.Stable, 52123.45)]
    [DataRow("+  12.3456 g  \r\n", ReplyKind.Stable, 12345.6)]
    [DataRow("-   0.0012 g  \r\n", ReplyKind.Stable, -1.2)]
    [DataRow("+ 523.4567 mg \r\n", ReplyKind.Stable, 523.4567)]
    [DataRow("+  123.5[6]g  \r\n", ReplyKind.Stable, 123560.0)]   // a non-verified digit in brackets
    [DataRow("+  12.3461    \r\n", ReplyKind.Dynamic, 12346.1)]   // blank unit: not stable
    [DataRow("N     +  12.3456 g  \r\n", ReplyKind.Stable, 12345.6)]
    [DataRow("N     +  12.3461    \r\n", ReplyKind.Dynamic, 12346.1)]
    [DataRow("G#    + 112.3456 g  \r\n", ReplyKind.Stable, 112345.6)]
    public void Sbi_weight_lines_parse_by_their_columns_and_a_blank_unit_means_unstable(string wire, ReplyKind kind, double milligrams)
    {
        Assert.IsTrue(wire.Length is 16 or 22, $"an SBI line is 16 or 22 characters with its CR LF; '{wire.TrimEnd()}' is {wire.Length}");
        var reply = SbiParser.Parse(Framed(wire));
        Assert.AreEqual(kind, reply.Kind);
        Assert.AreEqual(milligrams, reply.Milligrams, 1e-6);
    }

    [TestMethod]
    [DataRow("      H       \r\n", ReplyKind.Overload)]
    [DataRow("      HH      \r\n", ReplyKind.Overload)]
    [DataRow("      L       \r\n", ReplyKind.Underload)]
    [DataRow("      LL      \r\n", ReplyKind.Underload)]
    [DataRow("     High     \r\n", ReplyKind.Overload)]
    [DataRow("     Low      \r\n", ReplyKind.Underload)]
    [DataRow("      C       \r\n", ReplyKind.NotExecutable)]
    [DataRow("   Err  54    \r\n", ReplyKind.BalanceError)]
    [DataRow("   Err  101   \r\n", ReplyKind.BalanceError)]
    [DataRow("Stat        H       \r\n", ReplyKind.Overload)]
    [DataRow("Stat        L       \r\n", ReplyKind.Underload)]
    [DataRow("Stat     Err 101    \r\n", ReplyKind.BalanceError)]
    public void Sbi_special_codes_and_errors_carry_no_weight(string wire, ReplyKind kind)
    {
        Assert.IsTrue(wire.Length is 16 or 22, $"an SBI line is 16 or 22 characters with its CR LF; '{wire.TrimEnd()}' is {wire.Length}");
        var reply = SbiParser.Parse(Framed(wire));
        Assert.AreEqual(kind, reply.Kind);
        Assert.IsFalse(reply.HasWeight);
    }

    [TestMethod]
    [DataRow("+     12.3456 g  \r\n")]   // 19 characters: neither SBI format
    [DataRow("+  12.3456 g\r\n")]        // 14: the unit field cut short
    [DataRow("+  12,3456 g  \r\n")]      // a decimal comma
    [DataRow("*  12.3456 g  \r\n")]      // no sign in column 1
    [DataRow("+  12.3456 xx \r\n")]      // a unit that is not a mass
    [DataRow("Stat                \r\n")]
    public void An_sbi_line_of_the_wrong_width_or_with_garbled_fields_is_unreadable_not_a_weight(string wire)
    {
        var reply = SbiParser.Parse(Framed(wire));
        Assert.AreEqual(ReplyKind.Unreadable, reply.Kind, $"'{wire.TrimEnd()}'");
    }

    [TestMethod]
    public void An_unstable_sbi_reading_is_read_in_the_unit_of_the_last_stable_one()
    {
        var clock = new FakeBenchClock();
        var transport = new ScriptedTransport(clock, "+ 523.4567 mg \r\n", "+ 523.4581    \r\n");
        transport.Open();
        var device = new BalanceDevice(transport, BalanceProtocol.Sbi);
        Assert.AreEqual(523.4567, device.ReadWeight().Milligrams, 1e-9);
        var unstable = device.ReadWeight();
        Assert.AreEqual(ReplyKind.Dynamic, unstable.Kind);
        Assert.AreEqual(523.4581, unstable.Milligrams, 1e-9, "mg, as the stable reading before it - not grams");
        CollectionAssert.AreEqual(new[] { "\u001bP", "\u001bP" }, transport.Sent);
    }

    [TestMethod]
    public void Framing_keeps_a_partial_line_until_its_end_arrives_and_a_reset_drops_it()
    {
        var framing = new LineFraming();
        List<string> Push(string text) => framing.Push(Encoding.ASCII.GetBytes(text), text.Length).ToList();
        var first = Push("S S    1.00000 g\r\nS S    2");
        Assert.IsTrue(framing.HasPartialLine);
        var second = Push(".00000 g\r\n");
        CollectionAssert.AreEqual(new[] { "S S    1.00000 g" }, first);
        CollectionAssert.AreEqual(new[] { "S S    2.00000 g" }, second);

        Push("S S    3.0");
        framing.Reset();
        CollectionAssert.AreEqual(new[] { "S S    4.00000 g" }, Push("S S    4.00000 g\r\n"));
    }
}
