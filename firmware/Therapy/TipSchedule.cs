using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// What concentration leaves the catheter tip, and when it changes. The line between reservoir and
    /// tip is a plug-flow dead volume: after a drug change the old drug keeps coming out until the
    /// line volume has been pushed (hazard 6, priming/bridge errors). An empty line (before priming)
    /// delivers no drug at all.
    /// </summary>
    public struct TipSchedule
    {
        public readonly MicrogramsPerMilliliter Before;
        public readonly Milliseconds SwitchAt;
        public readonly MicrogramsPerMilliliter After;

        public TipSchedule(MicrogramsPerMilliliter before, Milliseconds switchAt, MicrogramsPerMilliliter after)
        {
            Before = before;
            SwitchAt = switchAt;
            After = after;
        }

        public static TipSchedule Steady(MicrogramsPerMilliliter concentration) { return new TipSchedule(concentration, Milliseconds.Never, concentration); }

        public MicrogramsPerMilliliter At(Milliseconds t) { return t < SwitchAt ? Before : After; }
    }
}
