namespace OpenIdds.Firmware.Units
{
    /// <summary>A drug concentration. Morphine for intrathecal use is at most 20,000 ug/mL (20 mg/mL).</summary>
    public struct MicrogramsPerMilliliter
    {
        public readonly long Value;

        public MicrogramsPerMilliliter(long value) { Value = value; }

        /// <summary>The drug mass in a volume, rounded down to a whole microgram.</summary>
        public Micrograms In(Nanoliters volume) { return new Micrograms(volume.Value * Value / Nanoliters.PerMilliliter); }

        /// <summary>The volume that holds a drug mass, rounded up to a whole nanoliter (never under-states a volume).</summary>
        public Nanoliters VolumeOf(Micrograms mass)
        {
            if (Value <= 0) return Nanoliters.Zero;
            return new Nanoliters((mass.Value * Nanoliters.PerMilliliter + Value - 1) / Value);
        }

        public static bool operator ==(MicrogramsPerMilliliter a, MicrogramsPerMilliliter b) { return a.Value == b.Value; }
        public static bool operator !=(MicrogramsPerMilliliter a, MicrogramsPerMilliliter b) { return a.Value != b.Value; }

        public override bool Equals(object? obj) { return obj is MicrogramsPerMilliliter && ((MicrogramsPerMilliliter)obj).Value == Value; }
        public override int GetHashCode() { return Value.GetHashCode(); }
        public override string ToString() { return Value.ToString() + " ug/mL"; }
    }
}
