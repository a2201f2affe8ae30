using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The exact integral of the rate profiles the therapy ran: the volume planned, the drug mass that
    /// left the tip (at the tip's concentration, not the reservoir's), and the rolling 24 h ledger of
    /// that mass. Integer, with the remainders carried, so no nanoliter or nanogram is lost to rounding.
    /// </summary>
    public sealed class DoseIntegral
    {
        private readonly DoseLedger _ledger = new DoseLedger();
        private string _ledgerDrug = "";
        private long _deliveredMass;
        private long _plannedVolume;
        private Milliseconds _integratedTo;
        private long _volumeRemainder;
        private long _massRemainder;

        public DoseIntegral(Milliseconds start)
        {
            _integratedTo = start;
        }

        public DoseLedger Ledger { get { return _ledger; } }

        /// <summary>The drug whose mass the ledger holds.</summary>
        public string LedgerDrug { get { return _ledgerDrug; } }
        public Milliseconds IntegratedTo { get { return _integratedTo; } }
        public Nanoliters PlannedVolume { get { return new Nanoliters(_plannedVolume); } }
        public Nanograms DeliveredMass { get { return new Nanograms(_deliveredMass); } }

        /// <summary>The rolling 24 h dose recorded up to the last integration.</summary>
        public Nanograms RollingDose { get { return _ledger.InLast24Hours(_integratedTo); } }

        /// <summary>Integrates <paramref name="rate"/> up to <paramref name="end"/> (within one ledger bucket); returns the whole nanoliters that left the tip.</summary>
        public long Integrate(NanolitersPerHour rate, Milliseconds end, TipSchedule tip)
        {
            long accumulated = _volumeRemainder + rate.Value * (end - _integratedTo).Value;
            long volume = accumulated / Milliseconds.PerHour;
            _volumeRemainder = accumulated % Milliseconds.PerHour;
            _plannedVolume += volume;
            if (volume > 0)
            {
                long picograms = _massRemainder + volume * tip.At(_integratedTo).Value;
                _massRemainder = picograms % 1000;
                _ledger.Record(DoseLedger.BucketOf(_integratedTo), new Nanograms(picograms / 1000));
                _deliveredMass += picograms / 1000;
            }
            _integratedTo = end;
            return volume;
        }

        /// <summary>A new drug reached the tip: masses of different drugs do not add up, so a new drug's day starts with an empty ledger.</summary>
        public void NewDrugAtTip(string drugName)
        {
            _massRemainder = 0;
            LedgerFor(drugName);
        }

        public void LedgerFor(string drugName)
        {
            if (_ledgerDrug == drugName) return;
            _ledger.Clear();
            _ledgerDrug = drugName;
        }

        public void Save(TherapySnapshot s)
        {
            s.LedgerDrug = _ledgerDrug;
            s.DeliveredMass = _deliveredMass;
            s.PlannedVolume = _plannedVolume;
            s.IntegratedTo = _integratedTo;
            s.VolumeRemainder = _volumeRemainder;
            s.MassRemainder = _massRemainder;
            s.CurrentHour = DoseLedger.HourOf(DoseLedger.BucketOf(_integratedTo));
            for (int i = 0; i < TherapySnapshot.HoursHeld; i++) s.HourlyMass[i] = _ledger.InHour(s.CurrentHour - i).Value;
        }

        /// <summary>Restored late, so the rolling dose is only ever over-counted.</summary>
        public void Restore(TherapySnapshot s)
        {
            _ledgerDrug = s.LedgerDrug;
            _deliveredMass = s.DeliveredMass;
            _plannedVolume = s.PlannedVolume;
            _integratedTo = s.IntegratedTo;
            _volumeRemainder = s.VolumeRemainder;
            _massRemainder = s.MassRemainder;
            long latest = DoseLedger.BucketOf(s.IntegratedTo);
            for (int i = 0; i < TherapySnapshot.HoursHeld; i++) _ledger.RecordHour(s.CurrentHour - i, new Nanograms(s.HourlyMass[i]), latest);
        }
    }
}
