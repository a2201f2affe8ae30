namespace OpenIdds.Hal
{
    /// <summary>
    /// The motor supply (VMOT), watched apart from the driver: a DRV8825 resets silently below its
    /// minimum and a lost supply moves nothing while every STEP pulse is still counted.
    /// </summary>
    public interface IMotorSupplyMonitor
    {
        /// <summary>True while the supply is at or above what the stepper chip needs to run.</summary>
        bool Present { get; }
    }
}
