using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// INTENT-BOUNDED: how far ahead an intent record vouches for steps (INTENT-BEFORE-STEP). The
    /// shorter of the intent window and the time the rate now running takes for
    /// <see cref="PumpSetup.IntentStepLimit"/> steps, and never past the profile's next rate change: a
    /// restart can count as delivered at most about that many steps that were never given (one more
    /// for a part-step carried in the scheduler). At therapeutic intrathecal rates the window is the
    /// shorter, so the write budget is unchanged (docs/persistence.md quotes both figures).
    /// </summary>
    public static class IntentHorizon
    {
        public static Milliseconds For(Milliseconds now, Milliseconds window, int stepLimit, long nanolitersPerHour, long picolitersPerStep, Milliseconds nextRateChange)
        {
            long horizon = now.Value + window.Value;
            if (nanolitersPerHour > 0 && picolitersPerStep > 0 && stepLimit > 0)
            {
                // pL per step x 3,600,000 ms/h / (nL/h x 1,000 pL/nL) = ms per step.
                long millisecondsPerStep = picolitersPerStep * 3600 / nanolitersPerHour;
                long bound = now.Value + (millisecondsPerStep < 1 ? 1 : millisecondsPerStep) * stepLimit;
                if (bound < horizon) horizon = bound;
            }
            if (nextRateChange.Value > now.Value && nextRateChange.Value < horizon) horizon = nextRateChange.Value;
            return new Milliseconds(horizon);
        }
    }
}
