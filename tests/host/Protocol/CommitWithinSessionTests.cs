using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;
using OpenIdds.Programmer.Link;
using OpenIdds.Tests.Host.Device;

namespace OpenIdds.Tests.Host.Protocol;

/// <summary>
/// COMMIT-WITHIN-SESSION over the real protocol endpoint: a commit runs only as the second half of the
/// session its review opened - the same prescription, within the session timeout, with no reset
/// between. Every other commit is refused, logged, and leaves the previous therapy running.
/// </summary>
[TestClass]
public class CommitWithinSessionTests
{
    private static (ReportMessageView Report, long Rate) Commit(LinkedPump linked, Prescription p)
    {
        var (report, _, _) = new PumpCommands(linked.Client).Program(p, confirmed: true, reviewOnly: false);
        return (new ReportMessageView(report.IsAccepted, report.Count == 0 ? "" : string.Join("; ", report.Messages.Take(report.Count))), linked.Rig.Pump.Therapy.Prescription.Rate.Value);
    }

    private static void Review(LinkedPump linked, Prescription p) => new PumpCommands(linked.Client).Program(p, confirmed: false, reviewOnly: true);

    public sealed record ReportMessageView(bool Accepted, string Text);

    private static bool Logged(LinkedPump linked, TherapyError code)
    {
        var events = linked.Rig.Pump.Events;
        for (uint s = events.Oldest; s != 0 && s <= events.Newest; s++)
            if (events.Read(s, out var kind, out _, out _, out var b) && kind == EventKind.ProgrammingRefused && b == (long)code) return true;
        return false;
    }

    [TestMethod]
    public void A_commit_inside_the_session_of_its_review_runs()
    {
        var linked = new LinkedPump();
        Review(linked, PumpRig.Continuous(25));
        linked.Rig.RunFor(Milliseconds.FromMinutes(9));
        var (report, rate) = Commit(linked, PumpRig.Continuous(25));
        Assert.IsTrue(report.Accepted, report.Text);
        Assert.AreEqual(25_000L, rate);
    }

    [TestMethod]
    public void A_commit_after_the_session_timeout_is_refused_logged_and_the_previous_therapy_runs()
    {
        var linked = new LinkedPump();
        Review(linked, PumpRig.Continuous(25));
        linked.Rig.RunFor(InfusionTherapy.SessionTimeout + Milliseconds.FromMinutes(1));
        var (report, rate) = Commit(linked, PumpRig.Continuous(25));
        Assert.IsFalse(report.Accepted, "a commit held back past the session is stale");
        StringAssert.Contains(report.Text, "above the limit 600000 ms");
        Assert.AreEqual(20_000L, rate, "the previous therapy continues");
        Assert.IsTrue(Logged(linked, TherapyError.ProgrammingSessionExpired));
    }

    [TestMethod]
    public void A_commit_with_no_review_or_of_another_prescription_is_refused()
    {
        var linked = new LinkedPump();
        var (unreviewed, rate) = Commit(linked, PumpRig.Continuous(25));
        Assert.IsFalse(unreviewed.Accepted);
        StringAssert.Contains(unreviewed.Text, "no review open");
        Assert.AreEqual(20_000L, rate);
        Review(linked, PumpRig.Continuous(25));
        var (other, rate2) = Commit(linked, PumpRig.Continuous(26));
        Assert.IsFalse(other.Accepted);
        StringAssert.Contains(other.Text, "differs from the prescription reviewed");
        Assert.AreEqual(20_000L, rate2);
        Assert.IsTrue(Logged(linked, TherapyError.ProgrammingIncomplete));
    }

    [TestMethod]
    public void A_commit_closes_the_session_so_a_second_commit_needs_a_new_review()
    {
        var linked = new LinkedPump();
        Review(linked, PumpRig.Continuous(25));
        Assert.IsTrue(Commit(linked, PumpRig.Continuous(25)).Report.Accepted);
        Assert.IsFalse(Commit(linked, PumpRig.Continuous(25)).Report.Accepted, "one review, one commit");
    }
}
