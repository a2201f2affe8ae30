using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Everything a committed prescription runs on, built completely BEFORE it replaces the running
    /// plan: the swap of one reference is the commit (PROGRAMMING-IS-A-TRANSACTION).
    /// </summary>
    public sealed class TherapyPlan
    {
        public readonly Prescription Prescription;
        public readonly DrugLimits? Limits;
        public readonly BolusOverlays Profile;
        public readonly TipSchedule Tip;
        public readonly Milliseconds CommittedAt;
        /// <summary>The drug that will fill the line once <see cref="TipSchedule.SwitchAt"/> is reached.</summary>
        public readonly Drug IncomingDrug;
        /// <summary>True while a priming or bridge bolus runs before the prescription proper.</summary>
        public readonly bool Flushes;

        public TherapyPlan(Prescription prescription, DrugLimits? limits, IRateProfile basal, TipSchedule tip, Milliseconds committedAt, Drug incomingDrug, bool flushes)
        {
            Prescription = prescription;
            Limits = limits;
            Profile = new BolusOverlays(basal);
            Tip = tip;
            CommittedAt = committedAt;
            IncomingDrug = incomingDrug;
            Flushes = flushes;
        }

        /// <summary>When the new drug reaches the catheter tip (Never if no priming or bridge is pending).</summary>
        public Milliseconds TipArrival { get { return Flushes ? Tip.SwitchAt : Milliseconds.Never; } }
    }
}
