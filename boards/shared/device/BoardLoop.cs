using System.Threading;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards
{
    /// <summary>
    /// The main loop every nanoFramework board runs: tick the safety supervisor and sleep until it next
    /// needs to run. While an alarm sounds it sleeps in 25 ms slices so the pattern's 150 ms pulses keep
    /// their shape; otherwise it sleeps straight through to the next step or check.
    /// </summary>
    public static class BoardLoop
    {
        /// <param name="benchRate">For a bench run without a programmer: started once the self-test passes (null = start stopped).</param>
        public static void Run(SafetySupervisor supervisor, IMonotonicClock clock, PatternAnnunciator annunciator, IRateProfile? benchRate, NanolitersPerHour benchPeak)
        {
            bool benchStarted = benchRate == null;
            while (true)
            {
                supervisor.Tick();
                if (!benchStarted && supervisor.State == SafetyState.Stopped)
                {
                    supervisor.Filled(Nanoliters.FromMilliliters(20));
                    benchStarted = supervisor.Start(benchRate!, benchPeak);
                }
                long now = clock.ElapsedMilliseconds;
                long wake = supervisor.NextWake.Value;
                while (now < wake)
                {
                    long slice = wake - now;
                    if (annunciator.Priority != AlarmPriority.None)
                    {
                        annunciator.Update(now);
                        if (slice > 25) slice = 25;
                    }
                    Thread.Sleep((int)slice);
                    now = clock.ElapsedMilliseconds;
                }
            }
        }
    }
}
