using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Persistence
{
    /// <summary>
    /// The pump state the journal keeps (record kind 1, layout version 1, docs/persistence.md): pump
    /// time, the scheduler position the record vouches for, the steps counted as delivered, calibration,
    /// reservoir and its drug, the protocol's replay counter, alarm latches, the basal prescription
    /// (stopped, continuous, or up to 6 flex steps), the bolus in progress and the last patient-bolus grant.
    /// </summary>
    public sealed class PumpStateRecord
    {
        public const int Kind = 1;
        /// <summary>Flex steps a record holds: six keeps the whole record inside one 256-byte slot.</summary>
        public const int MaxFlexSteps = 6;

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

        /// <summary>The drug in the reservoir: concentration (ug/mL) and its library name (up to 16 ASCII characters).</summary>
        public long Concentration;

        /// <summary>The step count at the last hourly delivery event, and when the next is due: the partial hour survives a reset.</summary>
        public long StepsAtLastHour;
        public long NextHourAt;
        public string DrugName = "";
        public const int DrugNameBytes = 16;

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
            b.PutInt64(Concentration);
            b.PutInt64(StepsAtLastHour);
            b.PutInt64(NextHourAt);
            for (int i = 0; i < DrugNameBytes; i++) b.PutByte(i < DrugName.Length ? DrugName[i] & 0x7F : 0);
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
            else if (Basal == null) b.PutByte(0);
            else
            {
                // JOURNAL-OR-REFUSE: a basal the journal cannot restore must never run (a reset would stop it).
                throw new System.ArgumentOutOfRangeException("Basal", "basal profile cannot be journaled: flex steps above the limit " + MaxFlexSteps.ToString() + " or an unknown profile kind");
            }
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
            Concentration = b.GetInt64();
            StepsAtLastHour = b.GetInt64();
            NextHourAt = b.GetInt64();
            char[] name = new char[DrugNameBytes];
            int length = 0;
            for (int i = 0; i < DrugNameBytes; i++)
            {
                int c = b.GetByte();
                if (c != 0) name[length++] = (char)c;
            }
            DrugName = new string(name, 0, length);
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
