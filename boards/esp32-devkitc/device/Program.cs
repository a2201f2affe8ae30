using System.Threading;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// The device's main loop: self-test, then tick the safety supervisor and sleep until it next needs
    /// to run, playing the alarm pattern in between. The pump starts stopped: therapy is programmed
    /// over the serial link. Built with -p:DefineConstants=BENCH it instead runs a fixed 100 uL/h for a
    /// bench accuracy run with a balance (docs/bench.md) - never on a person.
    /// </summary>
    public static class Program
    {
        /// <summary>Bench calibration of a 0.1 mL/rev head on a 200-step motor at 1/2 micro-stepping: 250 nL per step.</summary>
        public const long BenchPicolitersPerStep = 250000;

        public static void Main()
        {
            Esp32DevKitCBoard board = new Esp32DevKitCBoard();
            SafetySupervisor supervisor = new SafetySupervisor(board.Hardware, new Calibration(BenchPicolitersPerStep), new SupervisorSettings(), new AlarmEventRing(64), true);
            board.Watchdog.Arm(3 * (int)Firmware.Control.PumpController.MaxSleep.Value);
#if BENCH
            bool started = false;
#endif
            while (true)
            {
                supervisor.Tick();
#if BENCH
                if (!started && supervisor.State == SafetyState.Stopped)
                {
                    supervisor.Filled(Nanoliters.FromMilliliters(20));
                    NanolitersPerHour bench = NanolitersPerHour.FromMicrolitersPerHour(100);
                    started = supervisor.Start(new ConstantRate(bench), bench);
                }
#endif
                long now = board.Clock.ElapsedMilliseconds;
                long wake = supervisor.NextWake.Value;
                // While an alarm sounds, sleep in 25 ms slices so its 150 ms pulses keep their shape;
                // otherwise sleep straight through to the next step or check.
                while (now < wake)
                {
                    long slice = wake - now;
                    if (board.Annunciator.Priority != OpenIdds.Hal.AlarmPriority.None)
                    {
                        board.Annunciator.Update(now);
                        if (slice > 25) slice = 25;
                    }
                    Thread.Sleep((int)slice);
                    now = board.Clock.ElapsedMilliseconds;
                }
            }
        }
    }
}
