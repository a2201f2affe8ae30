using OpenIdds.Firmware.Units;

namespace OpenIdds.Firmware.Therapy
{
    /// <summary>
    /// The drug in the reservoir: its library name and its concentration. Two drugs are the same only
    /// if both match - a concentration change is a drug change for the catheter line (bridge bolus).
    /// </summary>
    public struct Drug
    {
        public readonly string Name;
        public readonly MicrogramsPerMilliliter Concentration;

        public Drug(string name, MicrogramsPerMilliliter concentration)
        {
            Name = name;
            Concentration = concentration;
        }

        public static Drug None { get { return new Drug("", new MicrogramsPerMilliliter(0)); } }

        public bool IsNone { get { return Name == null || Name.Length == 0; } }

        public bool SameAs(Drug other) { return Name == other.Name && Concentration == other.Concentration; }

        public override string ToString() { return IsNone ? "none" : Name + " " + Concentration.ToString(); }
    }
}
