using System;
using OpenIdds.Hal;

namespace OpenIdds.Boards
{
    /// <summary>
    /// STEP-TIMING-MET on nanoFramework: spins until DateTime.UtcNow has moved past the hold. The clock
    /// ticks in 100 ns units but advances more coarsely on a board, so a hold lasts from the time asked
    /// up to one clock step - longer, never shorter, which the stepper chips allow. A clock that does
    /// not move (not started) ends the spin after a bounded count, and a managed GPIO call on the
    /// interpreter takes microseconds on its own. No clock here is fine enough to measure a pulse:
    /// the bench measures it with a logic analyser (docs/flashing.md).
    /// </summary>
    public sealed class SpinPinTiming : IPinTiming
    {
        private const int MaxSpins = 10000;

        public long ShortestHeldNanoseconds { get { return -1; } }

        public void HoldNanoseconds(int nanoseconds)
        {
            long until = DateTime.UtcNow.Ticks + (nanoseconds + 99) / 100 + 1;
            for (int i = 0; i < MaxSpins; i++)
            {
                if (DateTime.UtcNow.Ticks > until) return;
            }
        }
    }
}
