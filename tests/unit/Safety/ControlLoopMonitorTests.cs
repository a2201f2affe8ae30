using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Safety
{
    /// <summary>WATCHDOG-BOUND-WITH-MARGIN: the documented 90 s holds with margin at the worst phase of the checker's tick.</summary>
    [TestClass]
    public class ControlLoopMonitorTests
    {
        /// <summary>What the bound must keep in hand: the motor's disable and the board's restart are not instant.</summary>
        private const long MarginMilliseconds = 10000;

        [TestMethod]
        public void A_hang_at_the_worst_phase_of_the_check_reaches_the_safe_state_inside_the_bound_with_margin()
        {
            Milliseconds timeout = ControlLoopMonitor.DefaultTimeout;
            long period = ControlLoopMonitor.CheckPeriodOf(timeout).Value;
            long worst = 0;
            // The checker's timer ticks at phase, phase + period, ...; the loop beats at 0 and hangs at once.
            for (long phase = 0; phase < period; phase += 7)
            {
                ControlLoopMonitor monitor = new ControlLoopMonitor(timeout, Milliseconds.Zero);
                long check = phase;
                while (!monitor.Stalled(new Milliseconds(check))) check += period;
                if (check > worst) worst = check;
            }
            Assert.IsTrue(worst + MarginMilliseconds <= ControlLoopMonitor.SafeStateBound.Value,
                "caught " + worst.ToString() + " ms after the last heartbeat; the bound is " + ControlLoopMonitor.SafeStateBound.Value.ToString() + " ms with " + MarginMilliseconds.ToString() + " ms margin");
        }

        [TestMethod]
        public void A_healthy_loop_sleeping_its_longest_with_a_slow_tick_is_never_stalled()
        {
            Milliseconds timeout = ControlLoopMonitor.DefaultTimeout;
            ControlLoopMonitor monitor = new ControlLoopMonitor(timeout, Milliseconds.Zero);
            long beat = 0;
            for (int i = 0; i < 100; i++)
            {
                // Sleeps 30 s, then a tick that takes 20 s before it beats.
                long next = beat + PumpController.MaxSleep.Value + 20000;
                Assert.IsFalse(monitor.Stalled(new Milliseconds(next - 1)));
                monitor.Heartbeat(new Milliseconds(next));
                beat = next;
            }
        }
    }
}
