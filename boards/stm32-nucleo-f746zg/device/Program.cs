using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Boards.NucleoF746ZG
{
    /// <summary>The device's entry point: build the board, arm the watchdog, run the loop (starts stopped).</summary>
    public static class Program
    {
        public const long DefaultPicolitersPerStep = 250000;

        public static void Main()
        {
            NucleoF746ZGBoard board = new NucleoF746ZGBoard();
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
