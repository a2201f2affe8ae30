using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Tests.Unit.Fakes;

namespace OpenIdds.Tests.Unit.Safety
{
    [TestClass]
    public class AlarmSystemTests
    {
        private static Milliseconds At(long ms) { return new Milliseconds(ms); }

        [TestMethod]
        public void A_raised_alarm_sounds_its_priority_pattern_and_is_logged()
        {
            FakeAnnunciator annunciator = new FakeAnnunciator();
            AlarmEventRing log = new AlarmEventRing(16);
            AlarmSystem alarms = new AlarmSystem(annunciator, log);
            alarms.Raise(AlarmCode.Occlusion, At(1000));
            alarms.Tick(At(1000));
            Assert.AreEqual((int)AlarmPriority.High, (int)annunciator.Priority);
            Assert.IsTrue(annunciator.Audible);
            Assert.AreEqual(1, log.CountOf(AlarmEventKind.Raised, AlarmCode.Occlusion));
        }

        [TestMethod]
        public void No_condition_no_alarm_and_silence()
        {
            FakeAnnunciator annunciator = new FakeAnnunciator();
            AlarmEventRing log = new AlarmEventRing(16);
            AlarmSystem alarms = new AlarmSystem(annunciator, log);
            alarms.ConditionGone(AlarmCode.Occlusion, At(0));
            alarms.Tick(At(0));
            Assert.AreEqual((int)AlarmPriority.None, (int)annunciator.Priority);
            Assert.IsFalse(annunciator.Audible);
            Assert.AreEqual(0L, log.Written);
            Assert.AreEqual((int)AlarmCode.None, (int)alarms.Highest);
        }

        [TestMethod]
        public void A_latched_alarm_stays_until_acknowledged_even_when_its_condition_is_gone()
        {
            AlarmEventRing log = new AlarmEventRing(16);
            AlarmSystem alarms = new AlarmSystem(new FakeAnnunciator(), log);
            alarms.Raise(AlarmCode.OverInfusion, At(0));
            alarms.ConditionGone(AlarmCode.OverInfusion, At(10));
            Assert.IsTrue(alarms.IsShown(AlarmCode.OverInfusion));
            alarms.Acknowledge(AlarmCode.OverInfusion, At(20));
            Assert.IsFalse(alarms.IsShown(AlarmCode.OverInfusion));
            Assert.AreEqual(1, log.CountOf(AlarmEventKind.Cleared, AlarmCode.OverInfusion));
        }

        [TestMethod]
        public void An_acknowledged_alarm_does_not_clear_while_its_condition_is_present()
        {
            AlarmSystem alarms = new AlarmSystem(new FakeAnnunciator(), new AlarmEventRing(16));
            alarms.Raise(AlarmCode.MotorStall, At(0));
            alarms.Acknowledge(AlarmCode.MotorStall, At(5));
            Assert.IsTrue(alarms.IsShown(AlarmCode.MotorStall));
            alarms.ConditionGone(AlarmCode.MotorStall, At(9));
            Assert.IsFalse(alarms.IsShown(AlarmCode.MotorStall));
        }

        [TestMethod]
        public void An_unlatched_alarm_clears_with_its_condition()
        {
            AlarmSystem alarms = new AlarmSystem(new FakeAnnunciator(), new AlarmEventRing(16));
            alarms.Raise(AlarmCode.ReservoirLow, At(0));
            alarms.ConditionGone(AlarmCode.ReservoirLow, At(1));
            Assert.IsFalse(alarms.IsShown(AlarmCode.ReservoirLow));
        }

        [TestMethod]
        public void The_highest_priority_sounds_when_alarms_coincide()
        {
            FakeAnnunciator annunciator = new FakeAnnunciator();
            AlarmSystem alarms = new AlarmSystem(annunciator, new AlarmEventRing(16));
            alarms.Raise(AlarmCode.ReservoirLow, At(0));
            alarms.Raise(AlarmCode.MotorStall, At(100));
            alarms.Tick(At(100));
            Assert.AreEqual((int)AlarmCode.MotorStall, (int)alarms.Highest);
            Assert.AreEqual((int)AlarmPriority.High, (int)annunciator.Priority);
        }

        [TestMethod]
        public void Silencing_pauses_the_tone_keeps_the_light_and_the_tone_returns_after_the_pause()
        {
            FakeAnnunciator annunciator = new FakeAnnunciator();
            AlarmEventRing log = new AlarmEventRing(16);
            AlarmSystem alarms = new AlarmSystem(annunciator, log);
            alarms.Raise(AlarmCode.Occlusion, At(0));
            alarms.Silence(At(1000));
            alarms.Tick(At(1000));
            Assert.IsFalse(annunciator.Audible);
            Assert.AreEqual((int)AlarmPriority.High, (int)annunciator.Priority, "the light stays while the audio is paused");
            long pause = AlarmTable.Of(AlarmCode.Occlusion).SilenceMilliseconds;
            Assert.AreEqual(1000 + pause, alarms.NextWake(At(1000)).Value, "the pump wakes when the tone is due back");
            alarms.Tick(At(1000 + pause));
            Assert.IsTrue(annunciator.Audible);
            Assert.AreEqual(1, log.CountOf(AlarmEventKind.Silenced, AlarmCode.Occlusion));
            Assert.AreEqual(1, log.CountOf(AlarmEventKind.Reannunciated, AlarmCode.Occlusion));
        }

        [TestMethod]
        public void Raise_silence_acknowledgement_and_clear_are_each_logged_with_their_time()
        {
            AlarmEventRing log = new AlarmEventRing(16);
            AlarmSystem alarms = new AlarmSystem(new FakeAnnunciator(), log);
            alarms.Raise(AlarmCode.Occlusion, At(100));
            alarms.Silence(At(200));
            alarms.Acknowledge(AlarmCode.Occlusion, At(300));
            alarms.ConditionGone(AlarmCode.Occlusion, At(400));
            Assert.AreEqual(4L, log.Written);
            AlarmEventKind[] kinds = new AlarmEventKind[] { AlarmEventKind.Raised, AlarmEventKind.Silenced, AlarmEventKind.Acknowledged, AlarmEventKind.Cleared };
            for (int i = 0; i < kinds.Length; i++)
            {
                Milliseconds at;
                AlarmEventKind kind;
                AlarmCode code;
                log.Newest(kinds.Length - 1 - i, out at, out kind, out code);
                Assert.AreEqual((int)kinds[i], (int)kind, "event " + i.ToString());
                Assert.AreEqual((int)AlarmCode.Occlusion, (int)code);
                Assert.AreEqual(100L * (i + 1), at.Value, "the time of event " + i.ToString());
            }
        }

        [TestMethod]
        public void Repeated_silence_presses_cannot_keep_a_high_alarm_quiet_beyond_its_pause_budget()
        {
            FakeAnnunciator annunciator = new FakeAnnunciator();
            AlarmEventRing log = new AlarmEventRing(256);
            AlarmSystem alarms = new AlarmSystem(annunciator, log);
            alarms.Raise(AlarmCode.Occlusion, At(0));
            long pause = AlarmTable.Of(AlarmCode.Occlusion).SilenceMilliseconds;
            // A press every 100 s (inside every 2 min pause) for an hour.
            int presses = 0;
            long quietFor = 0;
            for (long t = 0; t <= 60 * 60000; t += 100000)
            {
                alarms.Silence(At(t));
                presses++;
                alarms.Tick(At(t));
                if (!annunciator.Audible) quietFor = t;
            }
            long budget = AlarmSystem.PauseBudgetFactor * pause;
            Assert.IsTrue(quietFor < budget, "quiet until " + quietFor.ToString() + " ms; the budget is " + budget.ToString() + " ms");
            Assert.IsFalse(alarms.IsQuiet(AlarmCode.Occlusion, At(60 * 60000)), "it sounds whatever is pressed");
            Assert.AreEqual(presses, log.CountOf(AlarmEventKind.Silenced, AlarmCode.Occlusion) + log.CountOf(AlarmEventKind.SilenceRefused, AlarmCode.Occlusion),
                "every press is logged, granted or refused");
        }

        [TestMethod]
        public void A_new_condition_of_the_same_alarm_gets_a_new_pause_budget()
        {
            AlarmSystem alarms = new AlarmSystem(new FakeAnnunciator(), new AlarmEventRing(64));
            long pause = AlarmTable.Of(AlarmCode.ReservoirEmpty).SilenceMilliseconds;
            alarms.Raise(AlarmCode.ReservoirEmpty, At(0));
            for (int i = 0; i <= AlarmSystem.PauseBudgetFactor; i++) alarms.Silence(At(i * pause));
            Assert.AreEqual(0L, alarms.PauseLeft(AlarmCode.ReservoirEmpty).Value);
            alarms.ConditionGone(AlarmCode.ReservoirEmpty, At(10 * pause));
            alarms.Raise(AlarmCode.ReservoirEmpty, At(11 * pause));
            Assert.AreEqual(1, alarms.Silence(At(11 * pause)));
            Assert.IsTrue(alarms.IsQuiet(AlarmCode.ReservoirEmpty, At(11 * pause + 1)));
        }

        [TestMethod]
        public void An_alarm_that_may_not_be_silenced_keeps_sounding()
        {
            FakeAnnunciator annunciator = new FakeAnnunciator();
            AlarmSystem alarms = new AlarmSystem(annunciator, new AlarmEventRing(16));
            alarms.Raise(AlarmCode.SelfTestFailed, At(0));
            alarms.Silence(At(0));
            alarms.Tick(At(0));
            Assert.IsTrue(annunciator.Audible);
        }

        [TestMethod]
        public void Every_alarm_code_has_exactly_one_row_with_a_name()
        {
            for (int code = 1; code < AlarmTable.CodeSpace; code++)
            {
                AlarmDefinition row = AlarmTable.Of((AlarmCode)code);
                Assert.AreEqual(code, (int)row.Code);
                Assert.IsTrue(row.Name.Length > 0);
                Assert.IsTrue(row.Priority != AlarmPriority.None);
            }
            Assert.AreEqual(AlarmTable.CodeSpace - 1, AlarmTable.Count);
        }
    }
}
