using System;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Dosing
{
    /// <summary>
    /// The volume one motor step moves, in picoliters. A peristaltic head on a micro-stepped motor moves
    /// fractions of a nanoliter per step (e.g. 31.25 nL), so picoliters keep the calibration exact.
    /// Measured on the bench (docs/bench.md) and stored with the pump state.
    /// </summary>
    public struct Calibration
    {
        public const long MinPicolitersPerStep = 1;
        /// <summary>1 uL per step: coarser than that would make one step a clinically visible dose.</summary>
        public const long MaxPicolitersPerStep = 1000000;

        public readonly long PicolitersPerStep;

        public Calibration(long picolitersPerStep)
        {
            // CALIBRATION-RANGE: a typo here multiplies every dose, so out-of-range values are refused,
            // naming the limits.
            if (picolitersPerStep < MinPicolitersPerStep || picolitersPerStep > MaxPicolitersPerStep)
            {
                throw new ArgumentOutOfRangeException("picolitersPerStep",
                    "calibration " + picolitersPerStep.ToString() + " pL/step is outside " +
                    MinPicolitersPerStep.ToString() + ".." + MaxPicolitersPerStep.ToString() + " pL/step");
            }
            PicolitersPerStep = picolitersPerStep;
        }

        public static Calibration FromNanolitersPerStep(long nanolitersPerStep) { return new Calibration(nanolitersPerStep * 1000); }

        /// <summary>The volume of a number of steps, rounded down to a whole nanoliter.</summary>
        public Nanoliters VolumeOf(long steps) { return new Nanoliters(steps * PicolitersPerStep / 1000); }

        /// <summary>
        /// One step in the scheduler's accumulator unit, nL/h x ms: a rate in nL/h held for one ms adds
        /// its value, and a step is due each time the sum passes this many. 1 pL = 3,600 such units.
        /// </summary>
        public long StepThreshold { get { return PicolitersPerStep * 3600; } }

        public override string ToString() { return Decimal3.Format(PicolitersPerStep) + " nL/step"; }
    }
}
