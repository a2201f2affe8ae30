using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Tests.Unit.Therapy
{
    /// <summary>
    /// The pump every therapy test starts from: an implanted pump, 20 mL reservoir, 120 uL pump tubing
    /// plus 30 uL catheter (150 uL line), priming at 1 mL/h (9 min), the default drug library.
    /// </summary>
    public static class TherapyFixture
    {
        public static readonly Nanoliters Tubing = Nanoliters.FromMicroliters(120);
        public static readonly Nanoliters Catheter = Nanoliters.FromMicroliters(30);

        public static PumpConfiguration Implant() { return PumpConfiguration.Implanted(Nanoliters.FromMilliliters(20), Tubing, Catheter); }

        public static Drug Morphine(long microgramsPerMilliliter) { return new Drug(DrugLibrary.Morphine, new MicrogramsPerMilliliter(microgramsPerMilliliter)); }

        /// <summary>Morphine 10 mg/mL, 20 uL/h (4.8 mg/day), no patient bolus.</summary>
        public static Prescription Continuous20() { return Prescription.Continuous(Morphine(10000), NanolitersPerHour.FromMicrolitersPerHour(20), null); }

        /// <summary>100 ug over 10 min, lockout 2 h, at most 4 per 24 h.</summary>
        public static PatientBolusSettings Pca() { return new PatientBolusSettings(new Micrograms(100), Milliseconds.FromMinutes(10), Milliseconds.FromHours(2), 4); }

        /// <summary>A therapy at t = 0 with 20 mL of <paramref name="drug"/> filled and nothing programmed.</summary>
        public static InfusionTherapy Filled(PumpConfiguration config, Drug drug)
        {
            InfusionTherapy therapy = PlannedReservoir.NewTherapy(config, DrugLibrary.CreateDefault(), null, Milliseconds.Zero);
            RefillResult fill = therapy.BeginRefill(Milliseconds.Zero).Complete(Nanoliters.Zero, Nanoliters.FromMilliliters(20), drug, PumpConfiguration.DefaultLowReservoir, true, Milliseconds.Zero);
            Assert.IsTrue(fill.Report.Accepted, fill.Report.ToString());
            return therapy;
        }

        /// <summary>Filled, programmed with <paramref name="p"/> at t = 0, and ticked past the priming bolus. Returns the time reached.</summary>
        public static InfusionTherapy Running(Prescription p, out Milliseconds now)
        {
            InfusionTherapy therapy = Filled(Implant(), p.Drug);
            CheckReport report = therapy.Program(p, true, Milliseconds.Zero);
            Assert.IsTrue(report.Accepted, report.ToString());
            now = therapy.TipArrival;
            Assert.IsFalse(now.IsNever);
            therapy.Tick(now);
            Assert.IsFalse(therapy.Flushing);
            return therapy;
        }
    }
}
