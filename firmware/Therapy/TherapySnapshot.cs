using OpenIdds.Firmware.Dosing;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Everything the therapy needs to go on exactly after a reset: the committed prescription and what
    /// its plan was built from, the catheter line's content, the reservoir, the rolling 24 h ledger
    /// (hourly sums), the running boluses and the patient-bolus grants. The pump copies it into every
    /// journal record (<see cref="InfusionTherapy.Save"/>) and rebuilds the therapy from the newest
    /// good one (<see cref="InfusionTherapy.Restore"/>). Preallocated: saving never allocates.
    /// </summary>
    public sealed class TherapySnapshot
    {
        /// <summary>The rolling window touches 25 clock hours: the 24 before and the one in progress.</summary>
        public const int HoursHeld = 25;

        public PumpStage Stage;
        public Nanoliters LowReservoirThreshold;
        public Milliseconds TimeOfDayAtZero;
        public int LargeChangePercent;

        public Prescription Prescription = Prescription.Stopped(Drug.None);
        public Milliseconds CommittedAt;
        public bool Flushes;
        public Drug IncomingDrug = Drug.None;
        public TipSchedule Tip;

        public Drug LineDrug = Drug.None;
        public Drug LineNext = Drug.None;
        public Nanoliters LineOldVolume;
        public Prescription? LastRunning;

        public Drug ReservoirDrug = Drug.None;
        public Milliseconds FilledAt = Milliseconds.Never;

        public string LedgerDrug = "";
        public long DeliveredMass;
        public long PlannedVolume;
        public Milliseconds IntegratedTo;
        public long VolumeRemainder;
        public long MassRemainder;

        /// <summary>The clock hour of <see cref="IntegratedTo"/>; HourlyMass[i] is the mass of hour (CurrentHour - i).</summary>
        public long CurrentHour;
        public readonly long[] HourlyMass = new long[HoursHeld];

        public readonly long[] BolusStart = new long[BolusOverlays.Capacity];
        public readonly long[] BolusEnd = new long[BolusOverlays.Capacity];
        public readonly long[] BolusRate = new long[BolusOverlays.Capacity];

        /// <summary>Grant times, oldest first; <see cref="GrantCount"/> of them are real.</summary>
        public readonly long[] Grants = new long[InfusionTherapy.GrantCapacity];
        public int GrantCount;

        public int PatientGranted;
        public int PatientRefused;
        public int ClinicianGranted;
        public int ClinicianRefused;
    }
}
