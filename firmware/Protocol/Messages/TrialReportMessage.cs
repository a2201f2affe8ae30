using OpenIdds.Firmware.Therapy;

namespace OpenIdds.Firmware.Protocol.Messages
{
    /// <summary>The trial report on the wire (<see cref="TrialReport"/>): pain in tenths, relief in whole percent, doses in ng.</summary>
    public static class TrialReportMessage
    {
        public static void Write(PayloadWriter w, TrialReport t, bool trialStarted)
        {
            w.U8(trialStarted ? 1 : 0);
            w.U32((uint)t.BaselinePainEntries);
            w.U32((uint)t.TrialPainEntries);
            w.U32((uint)(t.BaselinePainTenths + 1));
            w.U32((uint)(t.TrialPainTenths + 1));
            w.U32((uint)(t.ReliefPercent + 1000));
            w.U8(t.MeetsReliefThreshold ? 1 : 0);
            w.I64(t.TrialDuration.Value);
            w.I64(t.Delivered.Value);
            w.I64(t.DosePerDay.Value);
            w.U32((uint)t.BolusRequestsGranted);
            w.U32((uint)t.BolusRequestsRefused);
            w.I64(t.ActivityMinutesPerDay);
            w.I64(t.BaselineActivityMinutesPerEntry);
            w.I64(t.TrialActivityMinutesPerEntry);
            for (int k = 0; k < SideEffectName.Count; k++)
            {
                w.U32((uint)t.SideEffectEntries[k]);
                w.U8((int)t.WorstSideEffect[k]);
            }
            w.U8(t.ReliefThresholdPercent);
            w.U8((int)t.Relief);
            w.U8((int)t.Function);
            w.U8((int)t.SideEffects);
        }

        public static TrialReport Read(PayloadReader r, out bool trialStarted)
        {
            TrialReport t = new TrialReport();
            trialStarted = r.U8("trial.started") == 1;
            t.BaselinePainEntries = (int)r.U32("trial.baseline_entries");
            t.TrialPainEntries = (int)r.U32("trial.trial_entries");
            t.BaselinePainTenths = (int)r.U32("trial.baseline_pain") - 1;
            t.TrialPainTenths = (int)r.U32("trial.trial_pain") - 1;
            t.ReliefPercent = (int)r.U32("trial.relief") - 1000;
            t.MeetsReliefThreshold = r.U8("trial.meets_threshold") == 1;
            t.TrialDuration = new Units.Milliseconds(r.I64("trial.duration"));
            t.Delivered = new Units.Nanograms(r.I64("trial.delivered"));
            t.DosePerDay = new Units.Nanograms(r.I64("trial.dose_per_day"));
            t.BolusRequestsGranted = (int)r.U32("trial.granted");
            t.BolusRequestsRefused = (int)r.U32("trial.refused");
            t.ActivityMinutesPerDay = r.I64("trial.activity_per_day");
            t.BaselineActivityMinutesPerEntry = r.I64("trial.baseline_activity_per_entry");
            t.TrialActivityMinutesPerEntry = r.I64("trial.trial_activity_per_entry");
            for (int k = 0; k < SideEffectName.Count; k++)
            {
                t.SideEffectEntries[k] = (int)r.U32("trial.side_effect_entries");
                t.WorstSideEffect[k] = (SideEffectSeverity)(int)r.InRange("trial.side_effect_worst", r.U8("trial.side_effect_worst"), 0, 3);
            }
            t.ReliefThresholdPercent = r.U8("trial.relief_threshold");
            t.Relief = (TrialCriterion)(int)r.InRange("trial.relief_criterion", r.U8("trial.relief_criterion"), 0, 2);
            t.Function = (TrialCriterion)(int)r.InRange("trial.function_criterion", r.U8("trial.function_criterion"), 0, 2);
            t.SideEffects = (TrialCriterion)(int)r.InRange("trial.side_effect_criterion", r.U8("trial.side_effect_criterion"), 0, 2);
            return t;
        }
    }
}
