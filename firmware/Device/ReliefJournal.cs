using OpenIdds.Firmware.Persistence;
using OpenIdds.Firmware.Safety;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// RELIEF-COUNTED-ONCE: an occlusion relief's reverse strokes (OCCLUSION-RELIEF-PACED) are each given
    /// once, across a reset too. The record keeps the strokes still to give after the ones it vouches
    /// for: set to the whole relief when it starts, and, as INTENT-BEFORE-STEP does for delivery, written
    /// one lower before each stroke. After a reset the relief takes back what the record says is left -
    /// a stroke the record vouched for is never given again, and none is dropped but the one a power cut
    /// between its record and its pulse leaves (the line keeps one stroke's pressure). A relief stroke
    /// is never delivery: the supervisor gives it past the dosing controller, so it touches no delivered
    /// count (ReliefCountTests). One record a stroke: up to 513 for a full relief, a rare event.
    /// </summary>
    public sealed class ReliefJournal
    {
        private readonly PumpStateRecord _record;
        private readonly SafetySupervisor _supervisor;
        private readonly StateJournal _journal;
        private readonly JournalRequest _request;
        private int _toResume;

        /// <summary>Takes up the relief the journal holds (<paramref name="recovered"/>) once the self-test is over, else clears the field.</summary>
        public ReliefJournal(PumpStateRecord record, SafetySupervisor supervisor, StateJournal journal, JournalRequest request, bool recovered)
        {
            _record = record;
            _supervisor = supervisor;
            _journal = journal;
            _request = request;
            if (!recovered) record.ReliefStrokesLeft = 0;
            else _toResume = record.ReliefStrokesLeft;
        }

        /// <summary>Before the supervisor's tick: a stroke due that the record does not vouch for yet is journaled first.</summary>
        public void BeforeTick(Milliseconds now)
        {
            if (_toResume > 0 && _supervisor.State != SafetyState.PowerOnSelfTest)
            {
                _supervisor.ResumeRelief(_toResume);
                _toResume = 0;
            }
            int left = _supervisor.ReliefStrokesLeft;
            if (left <= 0 || _record.ReliefStrokesLeft < left || !_supervisor.ReliefStrokeDue(now)) return;
            _record.ReliefStrokesLeft = left - 1;
            _journal.Write(now, now);
        }

        /// <summary>After it: a relief just started (or a stroke dropped as too late) puts the strokes left in the record.</summary>
        public void AfterTick()
        {
            int left = _supervisor.ReliefStrokesLeft;
            if (left <= _record.ReliefStrokesLeft) return;
            _record.ReliefStrokesLeft = left;
            _request.Ask();
        }
    }
}
