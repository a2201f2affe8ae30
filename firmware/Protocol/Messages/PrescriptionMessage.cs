using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>
    /// A prescription on the wire: mode, drug (name, ug/mL), rate (nL/h), flex steps (start of day ms,
    /// rate nL/h), single bolus (ug, ms), patient bolus (ug, ms, lockout ms, max per 24 h). Reading
    /// only checks the shape (a mode that exists, a step count that fits); the therapy's checks judge
    /// the values and name what is wrong.
    /// </summary>
    public static class PrescriptionMessage
    {
        public static void Write(PayloadWriter w, Prescription p)
        {
            w.U8((int)p.Mode);
            w.Text(p.Drug.Name);
            w.U32((uint)p.Drug.Concentration.Value);
            w.U32((uint)p.Rate.Value);
            int n = p.Mode == DeliveryMode.Flex ? p.FlexStepCount : 0;
            w.U8(n);
            for (int i = 0; i < n; i++)
            {
                w.U32((uint)p.FlexStart(i).Value);
                w.U32((uint)p.FlexRate(i).Value);
            }
            w.U32((uint)p.SingleBolusDose.Value);
            w.U32((uint)p.SingleBolusDuration.Value);
            PatientBolusSettings? pb = p.PatientBolus;
            w.U8(pb == null ? 0 : 1);
            if (pb != null)
            {
                w.U32((uint)pb.Dose.Value);
                w.U32((uint)pb.Duration.Value);
                w.U32((uint)pb.Lockout.Value);
                w.U8(pb.MaxPer24Hours);
            }
        }

        /// <summary>The prescription, or null with the failing field named in the reader.</summary>
        public static Prescription? Read(PayloadReader r, string field)
        {
            int mode = (int)r.InRange(field + ".mode", r.U8(field + ".mode"), 0, 3);
            string name = r.Text(field + ".drug");
            MicrogramsPerMilliliter concentration = new MicrogramsPerMilliliter(r.U32(field + ".concentration_ug_per_ml"));
            NanolitersPerHour rate = new NanolitersPerHour(r.U32(field + ".rate_nl_per_h"));
            int n = (int)r.InRange(field + ".flex_steps", r.U8(field + ".flex_steps"), 0, Prescription.MaxFlexSteps);
            if (!r.Ok) return null;
            Milliseconds[] starts = new Milliseconds[n];
            NanolitersPerHour[] rates = new NanolitersPerHour[n];
            for (int i = 0; i < n; i++)
            {
                starts[i] = new Milliseconds(r.U32(field + ".flex_steps[" + i.ToString() + "].start_ms"));
                rates[i] = new NanolitersPerHour(r.U32(field + ".flex_steps[" + i.ToString() + "].rate_nl_per_h"));
            }
            Micrograms singleDose = new Micrograms(r.U32(field + ".single_bolus_ug"));
            Milliseconds singleDuration = new Milliseconds(r.U32(field + ".single_bolus_ms"));
            PatientBolusSettings? pb = null;
            int hasPatientBolus = (int)r.InRange(field + ".patient_bolus", r.U8(field + ".patient_bolus"), 0, 1);
            if (hasPatientBolus == 1)
            {
                Micrograms dose = new Micrograms(r.U32(field + ".patient_bolus.dose_ug"));
                Milliseconds duration = new Milliseconds(r.U32(field + ".patient_bolus.duration_ms"));
                Milliseconds lockout = new Milliseconds(r.U32(field + ".patient_bolus.lockout_ms"));
                int max = r.U8(field + ".patient_bolus.max_per_24h");
                pb = new PatientBolusSettings(dose, duration, lockout, max);
            }
            if (!r.Ok) return null;
            Drug drug = new Drug(name, concentration);
            switch (mode)
            {
                case (int)DeliveryMode.Stopped: return Prescription.Stopped(drug);
                case (int)DeliveryMode.SimpleContinuous: return Prescription.Continuous(drug, rate, pb);
                case (int)DeliveryMode.Flex: return Prescription.Flex(drug, starts, rates, pb);
                default: return Prescription.SingleBolus(drug, singleDose, singleDuration);
            }
        }
    }
}
