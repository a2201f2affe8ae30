using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The boluses given: patient-bolus grant times (PATIENT-LOCKOUT and PATIENT-MAX-PER-24H are counted
    /// from them, so they survive reprogramming), the boluses still running (the therapy's own records,
    /// not overlay slots, so they survive a plan swap), and the granted and refused counts.
    /// </summary>
    public sealed class BolusHistory
    {
        /// <summary>Patient-bolus grants remembered: the lockout and the 24 h count are computed from them.</summary>
        public const int GrantCapacity = 32;

        private readonly long[] _grants = new long[GrantCapacity];
        private int _grantsWritten;
        private readonly long[] _start = new long[BolusOverlays.Capacity];
        private readonly long[] _end = new long[BolusOverlays.Capacity];
        private readonly NanolitersPerHour[] _rate = new NanolitersPerHour[BolusOverlays.Capacity];

        public BolusHistory()
        {
            Forget();
        }

        public int PatientGranted { get; private set; }
        public int PatientRefused { get; private set; }
        public int ClinicianGranted { get; private set; }
        public int ClinicianRefused { get; private set; }

        /// <summary>Patient boluses granted in (now - 24 h, now].</summary>
        public int PatientInLast24Hours(Milliseconds now)
        {
            int n = 0;
            int held = _grantsWritten < GrantCapacity ? _grantsWritten : GrantCapacity;
            for (int i = 0; i < held; i++)
            {
                if (_grants[i] > now.Value - Milliseconds.PerDay && _grants[i] <= now.Value) n++;
            }
            return n;
        }

        /// <summary>When the last patient bolus was granted; Never if none.</summary>
        public Milliseconds LastPatient
        {
            get { return _grantsWritten == 0 ? Milliseconds.Never : new Milliseconds(_grants[(_grantsWritten - 1) % GrantCapacity]); }
        }

        public void Refused(bool patient)
        {
            if (patient) PatientRefused++; else ClinicianRefused++;
        }

        /// <summary>A bolus granted at <paramref name="now"/>, running at <paramref name="rate"/> for <paramref name="duration"/>.</summary>
        public void Granted(bool patient, Milliseconds now, Milliseconds duration, NanolitersPerHour rate)
        {
            int slot = 0;
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                if (_end[i] <= now.Value) { slot = i; break; }
            }
            _start[slot] = now.Value;
            _end[slot] = now.Value + duration.Value;
            _rate[slot] = rate;
            if (!patient)
            {
                ClinicianGranted++;
                return;
            }
            _grants[_grantsWritten % GrantCapacity] = now.Value;
            _grantsWritten++;
            PatientGranted++;
        }

        /// <summary>The volume the running boluses have still to give, rounded up.</summary>
        public Nanoliters Pending(Milliseconds now)
        {
            long total = 0;
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                if (_end[i] <= now.Value) continue;
                long from = _start[i] > now.Value ? _start[i] : now.Value;
                total += (_rate[i].Value * (_end[i] - from) + Milliseconds.PerHour - 1) / Milliseconds.PerHour;
            }
            return new Nanoliters(total);
        }

        /// <summary>Lays the rest of every running bolus over a new plan (a same-drug reprogramming never cuts one).</summary>
        public void CarryInto(BolusOverlays overlays, Milliseconds now)
        {
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                if (_end[i] <= now.Value) continue;
                long from = _start[i] > now.Value ? _start[i] : now.Value;
                overlays.Add(new Milliseconds(from), new Milliseconds(_end[i] - from), _rate[i]);
            }
        }

        /// <summary>How many boluses run at <paramref name="now"/>.</summary>
        public int RunningAt(Milliseconds now)
        {
            int running = 0;
            for (int i = 0; i < BolusOverlays.Capacity; i++) if (_end[i] > now.Value) running++;
            return running;
        }

        /// <summary>No bolus runs any more (grants and counts stay).</summary>
        public void Forget()
        {
            for (int i = 0; i < BolusOverlays.Capacity; i++) _end[i] = long.MinValue;
        }

        public void Save(TherapySnapshot s, Milliseconds integratedTo)
        {
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                bool running = _end[i] > integratedTo.Value;
                s.BolusStart[i] = running ? _start[i] : 0;
                s.BolusEnd[i] = running ? _end[i] : 0;
                s.BolusRate[i] = running ? _rate[i].Value : 0;
            }
            int held = _grantsWritten < GrantCapacity ? _grantsWritten : GrantCapacity;
            for (int i = 0; i < held; i++) s.Grants[i] = _grants[(_grantsWritten - held + i) % GrantCapacity];
            s.GrantCount = held;
            s.PatientGranted = PatientGranted;
            s.PatientRefused = PatientRefused;
            s.ClinicianGranted = ClinicianGranted;
            s.ClinicianRefused = ClinicianRefused;
        }

        /// <summary>Takes up the saved history; a bolus in progress goes on over <paramref name="profile"/> to its original end, never from its beginning.</summary>
        public void Restore(TherapySnapshot s, BolusOverlays profile)
        {
            for (int i = 0; i < s.GrantCount; i++) _grants[i] = s.Grants[i];
            _grantsWritten = s.GrantCount;
            PatientGranted = s.PatientGranted;
            PatientRefused = s.PatientRefused;
            ClinicianGranted = s.ClinicianGranted;
            ClinicianRefused = s.ClinicianRefused;
            for (int i = 0; i < BolusOverlays.Capacity; i++)
            {
                _start[i] = s.BolusStart[i];
                _end[i] = s.BolusEnd[i] > s.IntegratedTo.Value ? s.BolusEnd[i] : long.MinValue;
                _rate[i] = new NanolitersPerHour(s.BolusRate[i]);
                if (_end[i] > s.IntegratedTo.Value && s.BolusRate[i] > 0)
                {
                    long from = s.BolusStart[i] > s.IntegratedTo.Value ? s.BolusStart[i] : s.IntegratedTo.Value;
                    profile.Add(new Milliseconds(from), new Milliseconds(s.BolusEnd[i] - from), _rate[i]);
                }
            }
        }
    }
}
