namespace OpenIdds.Hal
{
    /// <summary>Forward pushes drug toward the catheter; reverse relieves line pressure after an occlusion.</summary>
    public enum MotorDirection
    {
        Forward = 0,
        Reverse = 1,
    }
}
