using System.IO;
using OpenIdds.Firmware.Safety;

namespace OpenIdds.Boards
{
    /// <summary>
    /// How a board knows that its last reset was the watchdog's: nanoFramework has no managed
    /// reset-cause API, so the watchdog writes a one-byte file just before it reboots, and the next
    /// boot reads and deletes it before the pump is built (WATCHDOG-SAFE-RESTART: the pump then comes
    /// back stopped with control-loop-stalled latched, instead of resuming as after a power cut).
    /// The file lives on the same drive as the journal (I:\ on a board).
    ///
    /// Failure directions, chosen to be safe: a marker that cannot be written (the drive is what hung)
    /// leaves the restart reported as a power-on, as a native watchdog reset or a brown-out is today;
    /// a marker that cannot be deleted is reported again on the next boot - a spurious stop, never a
    /// missed one.
    /// </summary>
    public sealed class RestartMarker
    {
        private readonly string _path;

        public RestartMarker(string path) { _path = path; }

        public string Path { get { return _path; } }

        /// <summary>Called by the watchdog, motor already disabled, right before the reboot. Never throws.</summary>
        public void MarkWatchdogRestart()
        {
            try
            {
                FileStream file = new FileStream(_path, FileMode.Create);
                file.Write(new byte[] { (byte)ResetCause.Watchdog }, 0, 1);
                file.Flush();
                file.Dispose();
            }
            catch (System.Exception)
            {
                // The reboot must happen whatever the drive does; the restart is then reported as a power-on.
            }
        }

        /// <summary>At boot: why the board reset, clearing the marker for the next boot.</summary>
        public ResetCause TakeResetCause()
        {
            if (!File.Exists(_path)) return ResetCause.PowerOn;
            try
            {
                File.Delete(_path);
            }
            catch (System.Exception)
            {
                // Left in place: the next boot reports a watchdog restart again, the safe direction.
            }
            return ResetCause.Watchdog;
        }
    }
}
