using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Where the therapy reports every refusal, clamp, confirmation and alert, with its reason
    /// (EVERY-REFUSAL-LOGGED). The persistent event log implements this; until it is wired,
    /// <see cref="TherapyRecordRing"/> keeps the latest records in RAM.
    /// </summary>
    public interface ITherapyRecorder
    {
        void Record(Milliseconds at, TherapyRecordKind kind, TherapyError code, string message);

        /// <summary>A refusal (or unconfirmed soft limit) against a numeric limit: REFUSAL-LOGGED-WITH-LIMIT.</summary>
        void RecordLimit(Milliseconds at, TherapyRecordKind kind, CheckReason reason);
    }

    /// <summary>What a therapy record is about.</summary>
    public enum TherapyRecordKind
    {
        ProgrammingRefused = 1,
        ProgrammingCommitted = 2,
        PatientBolusRefused = 3,
        PatientBolusGranted = 4,
        ClinicianBolusRefused = 5,
        ClinicianBolusGranted = 6,
        Clamped = 7,
        Confirmed = 8,
        RefillAlert = 9,
        Refill = 10,
        NewDrugAtTip = 11,
        RefillRefused = 12,
    }
}
