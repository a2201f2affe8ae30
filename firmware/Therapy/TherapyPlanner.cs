using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Builds the plan a prescription runs: its basal, or first the push of the line (PRIME-BEFORE-THERAPY,
    /// BRIDGE-AT-OLD-RATE) and the tip's concentration over time. The same rules rebuild a saved plan
    /// after a reset (THERAPY-SURVIVES-RESET), so what runs after a reset is what ran before it.
    /// </summary>
    public static class TherapyPlanner
    {
        /// <summary>Longest bridge or priming the pump will plan; a slower one is refused (the line would hold old drug for weeks).</summary>
        public static readonly Milliseconds MaxFlushDuration = Milliseconds.FromDays(30);

        /// <summary>The plan for <paramref name="p"/> from <paramref name="now"/>, or null with the reason in <paramref name="report"/>.</summary>
        public static TherapyPlan? Build(Prescription p, DrugLimits? limits, Milliseconds now, CatheterLine line, PumpConfiguration config, DrugLibrary library, CheckReport report)
        {
            Milliseconds tod = config.TimeOfDayAtZero;
            MicrogramsPerMilliliter lineConcentration = line.Drug.IsNone ? new MicrogramsPerMilliliter(0) : line.Drug.Concentration;
            if (p.Mode == DeliveryMode.Stopped)
            {
                return new TherapyPlan(p, limits, new ConstantRate(NanolitersPerHour.Zero), TipSchedule.Steady(lineConcentration), now, Drug.None, false);
            }
            bool lineReady = !line.Flushing && !line.Drug.IsNone && line.Drug.SameAs(p.Drug);
            Nanoliters toPush = line.Flushing ? line.OldVolume : config.LineVolume;
            if (lineReady || toPush.Value == 0)
            {
                return new TherapyPlan(p, limits, p.BuildBasal(tod, now), TipSchedule.Steady(p.Drug.Concentration), now, Drug.None, false);
            }

            IRateProfile push;
            if (line.Drug.IsNone)
            {
                // PRIME-BEFORE-THERAPY: the line holds no drug, so it is filled at the priming rate.
                push = new ConstantRate(config.PrimingRate);
            }
            else if (line.LastRunning != null && line.LastRunning.Drug.SameAs(line.Drug))
            {
                // BRIDGE-AT-OLD-RATE
                push = line.LastRunning.BuildBasal(tod, now);
            }
            else
            {
                // The old drug never ran a basal (e.g. a single trial bolus): push at the new volume rate,
                // provided the old drug at that rate stays within the old drug's own daily limit.
                push = p.BuildBasal(tod, now);
                DrugLimits? oldLimits = library.Find(line.Drug.Name);
                Nanograms oldDaily = Nanograms.InVolumeRoundedUp(p.DailyVolume, line.Drug.Concentration);
                if (oldLimits == null || oldDaily > oldLimits.DailyDoseHard)
                {
                    report.Add(TherapyError.BridgeAboveOldDrugLimit, CheckOutcome.Refused,
                        "bridge daily dose of " + line.Drug.ToString() + " " + oldDaily.ToString() + " is above its hard limit " + (oldLimits == null ? "(not in library)" : oldLimits.DailyDoseHard.ToString()));
                    return null;
                }
            }
            Milliseconds arrival = TimeToPush(push, now, toPush);
            if (arrival.IsNever)
            {
                report.Add(TherapyError.BridgeCannotComplete, CheckOutcome.Refused,
                    "line volume " + toPush.ToString() + " would not reach the tip within the limit " + MaxFlushDuration.ToString() + " at the push rate");
                return null;
            }
            IRateProfile basal = new ProfileSwitch(push, arrival, p.BuildBasal(tod, arrival));
            return new TherapyPlan(p, limits, basal, new TipSchedule(lineConcentration, arrival, p.Drug.Concentration), now, p.Drug, true);
        }

        /// <summary>The plan <see cref="Build"/> made at <see cref="TherapySnapshot.CommittedAt"/>, from the same facts.</summary>
        public static TherapyPlan Rebuild(TherapySnapshot s, PumpConfiguration config, DrugLibrary library)
        {
            Prescription p = s.Prescription;
            DrugLimits? limits = p.Drug.Name == null ? null : library.Find(p.Drug.Name);
            Milliseconds tod = config.TimeOfDayAtZero;
            if (p.Mode == DeliveryMode.Stopped)
            {
                return new TherapyPlan(p, limits, new ConstantRate(NanolitersPerHour.Zero), s.Tip, s.CommittedAt, Drug.None, false);
            }
            if (!s.Flushes)
            {
                return new TherapyPlan(p, limits, p.BuildBasal(tod, s.CommittedAt), s.Tip, s.CommittedAt, Drug.None, false);
            }
            IRateProfile push;
            if (s.LineDrug.IsNone) push = new ConstantRate(config.PrimingRate);
            else if (s.LastRunning != null && s.LastRunning.Drug.SameAs(s.LineDrug)) push = s.LastRunning.BuildBasal(tod, s.CommittedAt);
            else push = p.BuildBasal(tod, s.CommittedAt);
            Milliseconds arrival = s.Tip.SwitchAt;
            return new TherapyPlan(p, limits, new ProfileSwitch(push, arrival, p.BuildBasal(tod, arrival)), s.Tip, s.CommittedAt, s.IncomingDrug, true);
        }

        /// <summary>
        /// When a profile has pushed <paramref name="volume"/> from <paramref name="from"/>: the first
        /// millisecond at which its ideal integral reaches the volume (the scheduler's steps reach it
        /// within one step after). Never if not within <see cref="MaxFlushDuration"/>.
        /// </summary>
        public static Milliseconds TimeToPush(IRateProfile profile, Milliseconds from, Nanoliters volume)
        {
            long target = volume.Value * Milliseconds.PerHour;
            long accumulated = 0;
            Milliseconds t = from;
            Milliseconds limit = from + MaxFlushDuration;
            while (t < limit)
            {
                Milliseconds change;
                long rate = profile.RateAt(t, out change).Value;
                Milliseconds end = Milliseconds.Min(change, limit);
                if (end - t > Milliseconds.FromDays(1)) end = t + Milliseconds.FromDays(1);
                long piece = rate * (end - t).Value;
                if (accumulated + piece >= target && rate > 0)
                {
                    return new Milliseconds(t.Value + (target - accumulated + rate - 1) / rate);
                }
                accumulated += piece;
                t = end;
            }
            return Milliseconds.Never;
        }
    }
}
