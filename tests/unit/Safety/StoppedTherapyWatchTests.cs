using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Safety
{
    [TestClass]
    public class StoppedTherapyWatchTests
    {
        [TestMethod]
        public void A_filled_pump_stopped_alerts_after_the_drug_time_and_escalates_after_twice_it()
        {
            StoppedTherapyWatch watch = new StoppedTherapyWatch();
            Milliseconds after = Milliseconds.FromHours(4);
            watch.Update(false, true, after, Milliseconds.Zero);
            Assert.IsFalse(watch.Alert);
            Assert.AreEqual(Milliseconds.FromHours(4).Value, watch.NextWake.Value, "the board wakes when the alert is due, motor off or not");
            watch.Update(false, true, after, Milliseconds.FromHours(4) - new Milliseconds(1));
            Assert.IsFalse(watch.Alert);
            watch.Update(false, true, after, Milliseconds.FromHours(4));
            Assert.IsTrue(watch.Alert);
            Assert.IsFalse(watch.Escalated);
            watch.Update(false, true, after, Milliseconds.FromHours(8));
            Assert.IsTrue(watch.Escalated);
            Assert.IsFalse(watch.Alert, "the high alert replaces the medium one");
            watch.Update(true, true, after, Milliseconds.FromHours(9));
            Assert.IsFalse(watch.Alert || watch.Escalated, "delivery ends it");
        }

        [TestMethod]
        public void A_pump_never_filled_never_alerts()
        {
            StoppedTherapyWatch watch = new StoppedTherapyWatch();
            watch.Update(false, false, Milliseconds.FromHours(4), Milliseconds.Zero);
            watch.Update(false, false, Milliseconds.FromHours(4), Milliseconds.FromDays(30));
            Assert.IsFalse(watch.Alert || watch.Escalated);
            Assert.IsTrue(watch.NextWake.IsNever);
        }

        [TestMethod]
        public void A_clinician_hold_is_the_only_quiet_and_the_alert_comes_the_moment_it_ends()
        {
            StoppedTherapyWatch watch = new StoppedTherapyWatch();
            Milliseconds after = Milliseconds.FromHours(4);
            watch.Update(false, true, after, Milliseconds.Zero);
            watch.Hold(Milliseconds.FromHours(12));
            watch.Update(false, true, after, Milliseconds.FromHours(11));
            Assert.IsFalse(watch.Alert || watch.Escalated, "held");
            Assert.AreEqual(Milliseconds.FromHours(12).Value, watch.NextWake.Value);
            watch.Update(false, true, after, Milliseconds.FromHours(12));
            Assert.IsTrue(watch.Alert, "the hold ran out with therapy still stopped");
            Assert.IsFalse(watch.Held);
            watch.Update(false, true, after, Milliseconds.FromHours(16));
            Assert.IsTrue(watch.Escalated, "one stopped-therapy time after the hold");
        }

        [TestMethod]
        public void Delivery_ends_a_hold()
        {
            StoppedTherapyWatch watch = new StoppedTherapyWatch();
            Milliseconds after = Milliseconds.FromHours(4);
            watch.Hold(Milliseconds.FromDays(10));
            watch.Update(true, true, after, Milliseconds.FromHours(1));
            Assert.IsFalse(watch.Held);
            watch.Update(false, true, after, Milliseconds.FromHours(2));
            watch.Update(false, true, after, Milliseconds.FromHours(6));
            Assert.IsTrue(watch.Alert, "a later stop alerts in its own time");
        }
    }
}
