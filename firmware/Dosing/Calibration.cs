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
        /// <summary>CALIBRATION-RANGE: below 1 nL per step no peristaltic head of this class calibrates (a pL/nL unit slip).</summary>
        public const long MinPicolitersPerStep = 1000;
        /// <summary>1 uL per step: coarser than that would make one step a clinically visible dose.</summary>
        public const long MaxPicolitersPerStep = 1000000;

        /// <summary>Whether a figure is a calibration at all; the one range the constructor and the calibrate command check.</summary>
        public static bool InRange(long picolitersPerStep) { return picolitersPerStep >= MinPicolitersPerStep && picolitersPerStep <= MaxPicolitersPerStep; }

        /// <summary>The refusal naming the field, the value and the limit.</summary>
        public static string OutOfRange(long picolitersPerStep)
        {
            return "calibration " + picolitersPerStep.ToString() + " pL/step is outside the limit " + MinPicolitersPerStep.ToString() + ".." + MaxPicolitersPerStep.ToString() + " pL/step";
        }

        public readonly long PicolitersPerStep;

        public Calibration(long picolitersPerStep)
        {
            if (!InRange(picolitersPerStep)) throw new ArgumentOutOfRangeException("picolitersPerStep", OutOfRange(picolitersPerStep));
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
