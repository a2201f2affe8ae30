using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// A clinician's programming session: the prescription is entered (possibly in several steps over
    /// a wireless link that may drop) and only <see cref="Commit"/> changes the therapy. A session
    /// that is abandoned, superseded by a newer one, or left open beyond
    /// <see cref="InfusionTherapy.SessionTimeout"/> changes nothing: the previous therapy keeps running
    /// (hazard 8: an unfinished programming once left pumps stopped).
    /// </summary>
    public sealed class ProgrammingSession
    {
        private readonly InfusionTherapy _therapy;
        private readonly int _serial;
        private readonly Milliseconds _openedAt;
        private Prescription? _pending;

        internal ProgrammingSession(InfusionTherapy therapy, int serial, Milliseconds openedAt)
        {
            _therapy = therapy;
            _serial = serial;
            _openedAt = openedAt;
        }

        public int Serial { get { return _serial; } }
        public Milliseconds OpenedAt { get { return _openedAt; } }
        public Prescription? Pending { get { return _pending; } }

        /// <summary>Stages a prescription; nothing runs until <see cref="Commit"/>.</summary>
        public void Enter(Prescription prescription) { _pending = prescription; }

        /// <summary>Drops the staged prescription (the programmer cancelled).</summary>
        public void Abandon() { _pending = null; }

        public CheckReport Commit(bool confirmed, Milliseconds now) { return _therapy.CommitSession(this, _pending, confirmed, now); }
    }
}
