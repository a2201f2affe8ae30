using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;
using OpenIdds.Hal;
using OpenIdds.Hal.Drivers;

namespace OpenIdds.Boards
{
    /// <summary>
    /// What every nanoFramework board's Main does once its pins are wired: the safety supervisor over
    /// the board's hardware, the watchdog armed at three of the longest sleeps, then the loop. The pump
    /// starts stopped and is programmed over the serial link; a BENCH build
    /// (dotnet build nf.proj -p:DefineConstants=BENCH) starts a fixed 100 uL/h after the self-test for a
    /// bench run with a balance, no programmer needed.
    /// </summary>
    public static class BoardMain
    {
        /// <summary>A 0.1 mL/rev head on a 200-step motor at 1/2 micro-stepping: 250 nL per step, until the bench calibrates it.</summary>
        public const long DefaultPicolitersPerStep = 250000;

        public static void Run(PumpHardware hardware, PatternAnnunciator annunciator, IWatchdog watchdog)
        {
            SafetySupervisor supervisor = new SafetySupervisor(hardware, new Calibration(DefaultPicolitersPerStep), new SupervisorSettings(), new AlarmEventRing(64), true);
            watchdog.Arm(3 * (int)PumpController.MaxSleep.Value);
#if BENCH
            NanolitersPerHour bench = NanolitersPerHour.FromMicrolitersPerHour(100);
            BoardLoop.Run(supervisor, hardware.Clock, annunciator, new ConstantRate(bench), bench);
#else
            BoardLoop.Run(supervisor, hardware.Clock, annunciator, null, NanolitersPerHour.Zero);
#endif
        }
    }
}
