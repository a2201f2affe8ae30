namespace OpenIdds.Firmware.Therapy
{
    /// <summary>What the patient did, as the trial diary records it (relief only counts with activity kept up).</summary>
    public enum ActivityKind
    {
        Rest = 0,
        Walking = 1,
        PhysicalTherapy = 2,
        DailyLiving = 3,
        Work = 4,
        Other = 5,
    }
}
