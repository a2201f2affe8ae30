using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// What fills the catheter line up to its tip. <see cref="Drug"/> fills it (None: empty or saline);
    /// while <see cref="Incoming"/> is set, <see cref="OldVolume"/> of the old drug is still ahead of the
    /// incoming one (PRIME-BEFORE-THERAPY, BRIDGE-AT-OLD-RATE).
    /// </summary>
    public sealed class CatheterLine
    {
        public Drug Drug { get; private set; }
        public Drug Incoming { get; private set; }
        public Nanoliters OldVolume { get; private set; }

        /// <summary>The last prescription that ran a basal of the line's drug: a bridge pushes the old drug at its rate.</summary>
        public Prescription? LastRunning { get; private set; }

        public CatheterLine(Nanoliters lineVolume)
        {
            Drug = Drug.None;
            Incoming = Drug.None;
            OldVolume = lineVolume;
        }

        /// <summary>True while a priming or bridge bolus still pushes the line.</summary>
        public bool Flushing { get { return !Incoming.IsNone; } }

        /// <summary><paramref name="volume"/> left the tip: while flushing, that much less old drug is ahead.</summary>
        public void Pushed(long volume)
        {
            if (Incoming.IsNone) return;
            OldVolume = volume >= OldVolume.Value ? Nanoliters.Zero : new Nanoliters(OldVolume.Value - volume);
        }

        /// <summary>A priming or bridge starts: <paramref name="incoming"/> follows the line's content (a new flush pushes a full line).</summary>
        public void StartFlush(Drug incoming, Nanoliters lineVolume)
        {
            if (Incoming.IsNone) OldVolume = lineVolume;
            Incoming = incoming;
        }

        /// <summary>The incoming drug reached the tip; <paramref name="running"/> is the prescription then.</summary>
        public Drug Arrived(Nanoliters lineVolume, Prescription running)
        {
            Drug arrived = Incoming;
            Drug = arrived;
            Incoming = Drug.None;
            OldVolume = lineVolume;
            if (running.HasBasal && running.Drug.SameAs(arrived)) LastRunning = running;
            return arrived;
        }

        /// <summary><paramref name="p"/> runs on a line its drug already fills.</summary>
        public void Runs(Prescription p)
        {
            Drug = p.Drug;
            if (p.HasBasal) LastRunning = p;
        }

        /// <summary>A new, empty catheter (the move from the trial to the implant).</summary>
        public void Replaced(Nanoliters lineVolume)
        {
            Drug = Drug.None;
            Incoming = Drug.None;
            OldVolume = lineVolume;
            LastRunning = null;
        }

        public void Save(TherapySnapshot s)
        {
            s.LineDrug = Drug;
            s.LineNext = Incoming;
            s.LineOldVolume = OldVolume;
            s.LastRunning = LastRunning;
        }

        public void Restore(TherapySnapshot s)
        {
            Drug = s.LineDrug;
            Incoming = s.LineNext;
            OldVolume = s.LineOldVolume;
            LastRunning = s.LastRunning;
        }
    }
}
