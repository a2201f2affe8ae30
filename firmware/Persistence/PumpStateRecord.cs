using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// The pump state the journal keeps (record kind 1, layout version 1, docs/persistence.md): pump
    /// time, the scheduler position the record vouches for, the steps counted as delivered, calibration,
    /// reservoir, the protocol's replay counter, alarm latches, the basal prescription (stopped,
    /// continuous, or up to 8 flex steps), the bolus in progress and the last patient-bolus grant.
    /// </summary>
    public sealed class PumpStateRecord
    {
        public const int Kind = 1;
        public const int MaxFlexSteps = 8;

        public long PumpTime;
        public SchedulerPosition Position;
        public long StepsDelivered;
        public long PicolitersPerStep;
        public long ReservoirFill;
        public long StepsAtFill;
        public long ReplayCounter;
        public uint AlarmLatches;
        public IRateProfile? Basal;
        public long BolusStart;
        public long BolusEnd;
        public long BolusRate;
        public long LastPatientBolusAt = long.MinValue;

        public void Encode(RecordBuffer b)
        {
            b.Clear();
            b.PutInt64(PumpTime);
            b.PutInt64(Position.IntegratedTo.Value);
            b.PutInt64(Position.Remainder);
            b.PutInt64(Position.StepsDue);
            b.PutInt64(Position.StepsMissed);
            b.PutInt64(StepsDelivered);
            b.PutInt64(PicolitersPerStep);
            b.PutInt64(ReservoirFill);
            b.PutInt64(StepsAtFill);
            b.PutInt64(ReplayCounter);
            b.PutUInt32(AlarmLatches);
            b.PutInt64(BolusStart);
            b.PutInt64(BolusEnd);
            b.PutInt64(BolusRate);
            b.PutInt64(LastPatientBolusAt);
            ConstantRate? constant = Basal as ConstantRate;
            FlexSchedule? flex = Basal as FlexSchedule;
            if (constant != null)
            {
                b.PutByte(1);
                b.PutInt64(constant.Rate.Value);
            }
            else if (flex != null && flex.StepCount <= MaxFlexSteps)
            {
                b.PutByte(2);
                b.PutByte(flex.StepCount);
                b.PutInt64(flex.TimeOfDayAtZero.Value);
                for (int i = 0; i < flex.StepCount; i++)
                {
                    b.PutUInt32((uint)flex.StartOfDay(i).Value);
                    b.PutInt64(flex.RateOf(i).Value);
                }
            }
            else b.PutByte(0);
        }

        /// <summary>Reads a record back. The basal profile objects are allocated here: recovery happens once per reset.</summary>
        public void Decode(RecordBuffer b)
        {
            b.Position = 0;
            PumpTime = b.GetInt64();
            long integratedTo = b.GetInt64();
            long remainder = b.GetInt64();
            long due = b.GetInt64();
            long missed = b.GetInt64();
            Position = new SchedulerPosition(new Milliseconds(integratedTo), remainder, due, missed);
            StepsDelivered = b.GetInt64();
            PicolitersPerStep = b.GetInt64();
            ReservoirFill = b.GetInt64();
            StepsAtFill = b.GetInt64();
            ReplayCounter = b.GetInt64();
            AlarmLatches = b.GetUInt32();
            BolusStart = b.GetInt64();
            BolusEnd = b.GetInt64();
            BolusRate = b.GetInt64();
            LastPatientBolusAt = b.GetInt64();
            int mode = b.GetByte();
            if (mode == 1) Basal = new ConstantRate(new NanolitersPerHour(b.GetInt64()));
            else if (mode == 2)
            {
                int n = b.GetByte();
                long offset = b.GetInt64();
                Milliseconds[] starts = new Milliseconds[n];
                NanolitersPerHour[] rates = new NanolitersPerHour[n];
                for (int i = 0; i < n; i++)
                {
                    starts[i] = new Milliseconds(b.GetUInt32());
                    rates[i] = new NanolitersPerHour(b.GetInt64());
                }
                Basal = new FlexSchedule(starts, rates, new Milliseconds(offset));
            }
            else Basal = null;
        }
    }
}
