using System;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>
    /// PROGRAMMING-IS-A-TRANSACTION: whatever interrupts a programming (a fault before the commit, a
    /// dropped link that leaves a session open, a session superseded), the previous therapy keeps
    /// running - never a stopped pump (hazard 8).
    /// </summary>
    [TestClass]
    public class ProgrammingTransactionTests
    {
        private static Prescription Faster() { return Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(30), null); }

        /// <summary>Asserts the 20 uL/h therapy still runs: one more hour adds 200 ug to the ledger.</summary>
        private static void StillRunsThePrevious(InfusionTherapy therapy, Prescription previous, Milliseconds now)
        {
            Assert.IsTrue(therapy.Prescription == previous, "the prescription changed");
            Milliseconds next;
            Assert.AreEqual(20000L, therapy.Profile.RateAt(now, out next).Value);
            therapy.Tick(now);
            long before = therapy.Ledger.Total.Value;
            therapy.Tick(now + Milliseconds.FromHours(1));
            Assert.AreEqual(200000L, therapy.Ledger.Total.Value - before);
        }

        [TestMethod]
        public void A_fault_just_before_the_commit_leaves_the_previous_therapy_running()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Prescription previous = therapy.Prescription;
            int revision = therapy.Revision;
            therapy.FaultBeforeCommit = () => { throw new InvalidOperationException("link lost"); };

            CheckReport report = therapy.Program(Faster(), true, now);

            Assert.IsTrue(report.Refused);
            Assert.AreEqual((int)TherapyError.ProgrammingIncomplete, (int)report.FirstRefusal);
            Expect.Mentions(report.MessageOf(TherapyError.ProgrammingIncomplete), new string[] { "link lost", "previous therapy continues" });
            Assert.AreEqual(revision, therapy.Revision);
            StillRunsThePrevious(therapy, previous, now);
        }

        [TestMethod]
        public void A_session_left_open_changes_nothing_and_expires()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Prescription previous = therapy.Prescription;
            ProgrammingSession session = therapy.OpenProgramming(now);
            session.Enter(Faster());
            StillRunsThePrevious(therapy, previous, now + Milliseconds.FromMinutes(5));

            CheckReport late = session.Commit(true, now + Milliseconds.FromMinutes(11));
            Assert.AreEqual((int)TherapyError.ProgrammingSessionExpired, (int)late.FirstRefusal);
            Expect.Mentions(late.MessageOf(TherapyError.ProgrammingSessionExpired), new string[] { "programming session", "660000 ms", "limit 600000 ms" });
            StillRunsThePrevious(therapy, previous, now + Milliseconds.FromHours(2));
        }

        [TestMethod]
        public void A_superseded_or_abandoned_session_cannot_commit()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Prescription previous = therapy.Prescription;
            ProgrammingSession first = therapy.OpenProgramming(now);
            first.Enter(Faster());
            ProgrammingSession second = therapy.OpenProgramming(now + Milliseconds.FromMinutes(1));
            Assert.AreEqual((int)TherapyError.ProgrammingSessionSuperseded, (int)first.Commit(true, now + Milliseconds.FromMinutes(2)).FirstRefusal);
            second.Enter(Faster());
            second.Abandon();
            Assert.AreEqual((int)TherapyError.ProgrammingIncomplete, (int)second.Commit(true, now + Milliseconds.FromMinutes(2)).FirstRefusal);
            StillRunsThePrevious(therapy, previous, now + Milliseconds.FromMinutes(3));
        }

        [TestMethod]
        public void A_completed_session_commits_once()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            ProgrammingSession session = therapy.OpenProgramming(now);
            Prescription faster = Faster();
            session.Enter(faster);
            Assert.IsTrue(session.Commit(false, now + Milliseconds.FromMinutes(2)).Accepted);
            Assert.IsTrue(therapy.Prescription == faster);
            // Replaying the same session (a duplicated radio packet) is refused.
            Assert.AreEqual((int)TherapyError.ProgrammingSessionSuperseded, (int)session.Commit(false, now + Milliseconds.FromMinutes(3)).FirstRefusal);
        }

        [TestMethod]
        public void A_refused_prescription_leaves_the_pump_delivering()
        {
            Milliseconds now;
            InfusionTherapy therapy = TherapyFixture.Running(TherapyFixture.Continuous20(), out now);
            Prescription previous = therapy.Prescription;
            Assert.IsTrue(therapy.Program(Prescription.Continuous(TherapyFixture.Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(900), null), true, now).Refused);
            StillRunsThePrevious(therapy, previous, now);
        }
    }
}
