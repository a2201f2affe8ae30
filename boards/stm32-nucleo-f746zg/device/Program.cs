using OpenIdds.Firmware.Control;
using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Safety;

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
            BoardLoop.Run(supervisor, board.Clock, board.Annunciator);
        }
    }
}
