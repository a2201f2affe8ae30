namespace OpenIdds.Firmware.Protocol
{
    /// <summary>Who sends a command; each role has its own key and its own replay counter (docs/protocol.md).</summary>
    public enum Role
    {
        Patient = 0,
        Clinician = 1,
        Service = 2,
    }

    /// <summary>nanoFramework's Enum.ToString() gives the number, so names are mapped here.</summary>
    public static class RoleName
    {
        public const int Count = 3;

        public static string Of(Role role)
        {
            switch (role)
            {
                case Role.Patient: return "patient";
                case Role.Clinician: return "clinician";
                case Role.Service: return "service";
                default: return "unknown";
            }
        }
    }
}
