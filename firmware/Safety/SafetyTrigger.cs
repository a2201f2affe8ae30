namespace OpenIdds.Firmware.Safety
{
    /// <summary>What can move the safety state machine.</summary>
    public enum SafetyTrigger
    {
        SelfTestPassed = 0,
        SelfTestFailed = 1,
        Start = 2,
        Stop = 3,
        BolusStart = 4,
        BolusEnd = 5,
        Suspend = 6,
        Resume = 7,
        CriticalFault = 8,
        ClinicianReset = 9,
        ServiceReset = 10,
    }
}
