using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// Maps what the alarm system and the therapy report to the persistent event log. Every alarm
    /// event and every therapy record kind is logged here and nowhere else (EVERY-REFUSAL-LOGGED), so
    /// a new kind is added in one switch. Changes that must survive a reset ask for a journal record
    /// (LATCHES-SURVIVE-RESET, a new drug at the tip).
    /// </summary>
    public sealed class PumpEventRecorder : IAlarmEventSink, ITherapyRecorder
    {
        private readonly EventLog _events;
        private readonly JournalRequest _journal;
        private InfusionTherapy? _therapy;

        public PumpEventRecorder(EventLog events, JournalRequest journal)
        {
            _events = events;
            _journal = journal;
        }

        /// <summary>The therapy whose programming records this logs with their mode (set once at start-up: the therapy is built on this recorder).</summary>
        public void Attach(InfusionTherapy therapy) { _therapy = therapy; }

        public void Record(Milliseconds at, AlarmEventKind kind, AlarmCode code)
        {
            EventKind logged;
            switch (kind)
            {
                case AlarmEventKind.Raised: logged = EventKind.AlarmRaised; break;
                case AlarmEventKind.Cleared: logged = EventKind.AlarmCleared; break;
                case AlarmEventKind.Silenced: logged = EventKind.AlarmSilenced; break;
                case AlarmEventKind.Acknowledged: logged = EventKind.AlarmAcknowledged; break;
                case AlarmEventKind.SilenceRefused: logged = EventKind.AlarmSilenceRefused; break;
                default: logged = EventKind.AlarmReannunciated; break;
            }
            _events.Append(logged, at, (long)code, 0);
            // A change of a latched alarm must reach the journal (LATCHES-SURVIVE-RESET).
            if (AlarmTable.Of(code).Latched && kind != AlarmEventKind.Silenced && kind != AlarmEventKind.SilenceRefused && kind != AlarmEventKind.Reannunciated) _journal.Ask();
        }

        /// <summary>REFUSAL-LOGGED-WITH-LIMIT: the refusal as ever, then the value and the limit it broke.</summary>
        public void RecordLimit(Milliseconds at, TherapyRecordKind kind, CheckReason reason)
        {
            Record(at, kind, reason.Code, 0, reason.Message);
            _events.Append(EventKind.RefusedValue, at, RefusalValueText.Pack(reason.Code, reason.Value), reason.Limit);
        }

        public void Record(Milliseconds at, TherapyRecordKind kind, TherapyError code, long amount, string message)
        {
            switch (kind)
            {
                case TherapyRecordKind.ProgrammingRefused: _events.Append(EventKind.ProgrammingRefused, at, amount, (long)code); break;
                case TherapyRecordKind.RefillRefused: _events.Append(EventKind.ProgrammingRefused, at, amount, (long)code); break;
                case TherapyRecordKind.ProgrammingCommitted:
                    _events.Append(EventKind.Programmed, at, _therapy == null ? 0 : (long)_therapy.Prescription.Mode, amount);
                    break;
                case TherapyRecordKind.PatientBolusRefused: _events.Append(EventKind.BolusRefused, at, 1, (long)code); break;
                case TherapyRecordKind.ClinicianBolusRefused: _events.Append(EventKind.BolusRefused, at, 2, (long)code); break;
                case TherapyRecordKind.PatientBolusGranted: _events.Append(EventKind.BolusGranted, at, 1, amount); break;
                case TherapyRecordKind.ClinicianBolusGranted: _events.Append(EventKind.BolusGranted, at, 2, amount); break;
                case TherapyRecordKind.Clamped: _events.Append(EventKind.Clamped, at, 0, (long)code); break;
                case TherapyRecordKind.Confirmed: _events.Append(EventKind.Confirmed, at, 0, (long)code); break;
                case TherapyRecordKind.RefillAlert: _events.Append(EventKind.RefillDiscrepancy, at, amount, (long)code); break;
                case TherapyRecordKind.Refill:
                    _events.Append(EventKind.Refill, at, amount, _therapy == null ? 0 : _therapy.ReservoirDrug.Concentration.Value);
                    break;
                case TherapyRecordKind.NewDrugAtTip:
                    _events.Append(EventKind.NewDrugAtTip, at, 0, amount);
                    _journal.Ask();
                    break;
            }
        }
    }
}
