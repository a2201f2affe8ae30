using OpenIdds.Firmware.Protocol;
using OpenIdds.Firmware.Protocol.Messages;
using OpenIdds.Firmware.Therapy;
using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Device
{
    /// <summary>
    /// COMMIT-WITHIN-SESSION: over the link a review opens the programming session
    /// (<see cref="ProgrammingSession"/>) and the commit closes it. A commit changes the therapy only if
    /// it carries the reviewed prescription, byte for byte on the wire, within
    /// <see cref="InfusionTherapy.SessionTimeout"/> of the review, with no reset between (the session
    /// lives in RAM). A link lost after the review, a commit held back and delivered late, or one sent
    /// after a power loss is refused and logged, and the previous therapy continues (hazard 8: an
    /// unfinished programming must never leave a mix or an unreviewed therapy).
    /// </summary>
    public sealed class ProgrammingReview
    {
        private readonly PayloadWriter _reviewed = new PayloadWriter(Frame.MaxPayload);
        private readonly PayloadWriter _committed = new PayloadWriter(Frame.MaxPayload);
        private ProgrammingSession? _session;

        /// <summary>A review opens a session for <paramref name="prescription"/>; a newer review supersedes it.</summary>
        public void Opened(InfusionTherapy therapy, Prescription prescription, Milliseconds now)
        {
            _session = therapy.OpenProgramming(now);
            _session.Enter(prescription);
            _reviewed.Reset(0, Frame.MaxPayload);
            PrescriptionMessage.Write(_reviewed, prescription);
        }

        /// <summary>Why a commit of <paramref name="prescription"/> now may not run (an empty report: it may); the session closes either way.</summary>
        public CheckReport Refusal(Prescription prescription, Milliseconds now)
        {
            CheckReport report = new CheckReport();
            ProgrammingSession? session = _session;
            _session = null;
            if (session == null)
            {
                report.Add(TherapyError.ProgrammingIncomplete, CheckOutcome.Refused, "programming commit with no review open (none since the last commit or reset); the limit is a review of this prescription first; the previous therapy continues");
                return report;
            }
            Milliseconds open = now - session.OpenedAt;
            if (open > InfusionTherapy.SessionTimeout)
            {
                report.Add(TherapyError.ProgrammingSessionExpired, CheckOutcome.Refused, "programming session open for " + open.ToString() + " is above the limit " + InfusionTherapy.SessionTimeout.ToString() + " between review and commit; the previous therapy continues");
                return report;
            }
            _committed.Reset(0, Frame.MaxPayload);
            PrescriptionMessage.Write(_committed, prescription);
            if (!SameBytes())
            {
                report.Add(TherapyError.ProgrammingIncomplete, CheckOutcome.Refused, "programming commit differs from the prescription reviewed; the limit is the reviewed one, byte for byte; the previous therapy continues");
            }
            return report;
        }

        private bool SameBytes()
        {
            if (_reviewed.Length != _committed.Length) return false;
            byte[] a = _reviewed.Buffer, b = _committed.Buffer;
            for (int i = 0; i < _reviewed.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }
    }
}
