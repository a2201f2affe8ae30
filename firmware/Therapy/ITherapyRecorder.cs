using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// Where the therapy reports every refusal, grant, clamp, confirmation and alert, with its reason
    /// (EVERY-REFUSAL-LOGGED). The pump's event log implements this and logs every kind it is given,
    /// so a record kind is logged in one place; <see cref="TherapyRecordRing"/> keeps the latest in RAM.
    /// </summary>
    public interface ITherapyRecorder
    {
        /// <param name="amount">The record's figure: the volume granted or refilled (nL), the daily dose committed (ng), the discrepancy (per mille), the new drug's concentration (ng/mL); 0 where a record has none.</param>
        void Record(Milliseconds at, TherapyRecordKind kind, TherapyError code, long amount, string message);

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
