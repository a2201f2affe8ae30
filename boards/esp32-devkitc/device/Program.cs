using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Boards.Esp32DevKitC
{
    /// <summary>
    /// The device's entry point: build the board, arm the watchdog, run the loop. The pump starts
    /// stopped and is programmed over the serial link.
    /// </summary>
    public static class Program
    {
        /// <summary>A 0.1 mL/rev head on a 200-step motor at 1/2 micro-stepping: 250 nL per step, until the bench calibrates it.</summary>
        public const long DefaultPicolitersPerStep = 250000;

        public static void Main()
        {
            Esp32DevKitCBoard board = new Esp32DevKitCBoard();
            SafetySupervisor supervisor = new SafetySupervisor(board.Hardware, new Calibration(DefaultPicolitersPerStep), new SupervisorSettings(), new AlarmEventRing(64), true);
            board.Watchdog.Arm(3 * (int)PumpController.MaxSleep.Value);
#if BENCH
            // dotnet build nf.proj -p:DefineConstants=BENCH: a fixed 100 uL/h for a bench run with a balance, no programmer needed.
            NanolitersPerHour bench = NanolitersPerHour.FromMicrolitersPerHour(100);
            BoardLoop.Run(supervisor, board.Clock, board.Annunciator, new ConstantRate(bench), bench);
#else
            BoardLoop.Run(supervisor, board.Clock, board.Annunciator, null, NanolitersPerHour.Zero);
#endif
        }
    }
}
