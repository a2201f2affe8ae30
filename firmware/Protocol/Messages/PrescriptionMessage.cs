using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>
    /// A prescription on the wire: mode, drug (name, ug/mL), rate (nL/h), flex steps (start of day ms,
    /// rate nL/h), single bolus (ug, ms), patient bolus (ug, ms, lockout ms, max per 24 h), and a
    /// continuous basal's volume per day (nL/day, 0 when prescribed as a rate: DAILY-DOSE-EXACT). Reading
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
            w.U32((uint)p.PerDay.Value);
        }

        /// <summary>The largest value a U32 field carries.</summary>
        public const long MaxU32 = 4294967295L;

        /// <summary>
        /// WIRE-FIT-OR-REFUSE: "" when every value of <paramref name="p"/> fits its field on the wire, or
        /// what does not fit, naming the field, the value and the limit. A value that does not fit would
        /// be cut or wrapped by <see cref="Write"/>: the pump would run something else than was reviewed.
        /// </summary>
        public static string Misfit(Prescription p, string field)
        {
            string name = p.Drug.Name == null ? "" : p.Drug.Name;
            if (name.Length > 255) return field + ".drug: a name of " + name.Length.ToString() + " characters is above the limit 255";
            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] < ' ' || name[i] > '~') return field + ".drug: character " + i.ToString() + " is not printable ASCII (the limit)";
            }
            string why = U32(field + ".concentration_ug_per_ml", p.Drug.Concentration.Value);
            if (why.Length == 0) why = U32(field + ".rate_nl_per_h", p.Rate.Value);
            if (why.Length > 0) return why;
            int n = p.Mode == DeliveryMode.Flex ? p.FlexStepCount : 0;
            if (n > Prescription.MaxFlexSteps) return field + ".flex_steps: " + n.ToString() + " is above the limit " + Prescription.MaxFlexSteps.ToString();
            for (int i = 0; i < n; i++)
            {
                why = U32(field + ".flex_steps[" + i.ToString() + "].start_ms", p.FlexStart(i).Value);
                if (why.Length == 0) why = U32(field + ".flex_steps[" + i.ToString() + "].rate_nl_per_h", p.FlexRate(i).Value);
                if (why.Length > 0) return why;
            }
            why = U32(field + ".volume_nl_per_day", p.PerDay.Value);
            if (why.Length > 0) return why;
            why = U32(field + ".single_bolus_ug", p.SingleBolusDose.Value);
            if (why.Length == 0) why = U32(field + ".single_bolus_ms", p.SingleBolusDuration.Value);
            if (why.Length > 0) return why;
            PatientBolusSettings? pb = p.PatientBolus;
            if (pb == null) return "";
            why = U32(field + ".patient_bolus.dose_ug", pb.Dose.Value);
            if (why.Length == 0) why = U32(field + ".patient_bolus.duration_ms", pb.Duration.Value);
            if (why.Length == 0) why = U32(field + ".patient_bolus.lockout_ms", pb.Lockout.Value);
            if (why.Length == 0 && (pb.MaxPer24Hours < 0 || pb.MaxPer24Hours > 255)) why = field + ".patient_bolus.max_per_24h: " + pb.MaxPer24Hours.ToString() + " is outside the limit 0..255";
            return why;
        }

        private static string U32(string field, long value)
        {
            if (value >= 0 && value <= MaxU32) return "";
            return field + ": " + value.ToString() + " is outside the limit 0.." + MaxU32.ToString() + " (what the wire format carries)";
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
            long perDay = r.U32(field + ".volume_nl_per_day");
            if (perDay != 0 && mode != (int)DeliveryMode.SimpleContinuous) r.Fail(field + ".volume_nl_per_day", perDay.ToString() + " nL/day with mode " + mode.ToString() + ": the limit is 0 unless the mode is 1 (continuous)");
            if (!r.Ok) return null;
            Drug drug = new Drug(name, concentration);
            switch (mode)
            {
                case (int)DeliveryMode.Stopped: return Prescription.Stopped(drug);
                case (int)DeliveryMode.SimpleContinuous:
                    if (perDay != 0) return Prescription.ContinuousPerDay(drug, new NanolitersPerDay(perDay), pb);
                    return Prescription.Continuous(drug, rate, pb);
                case (int)DeliveryMode.Flex: return Prescription.Flex(drug, starts, rates, pb);
                default: return Prescription.SingleBolus(drug, singleDose, singleDuration);
            }
        }
    }
}
