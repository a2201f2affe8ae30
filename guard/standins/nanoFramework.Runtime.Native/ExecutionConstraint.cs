#nullable disable // nanoFramework's own sources are nullable-oblivious
#pragma warning disable CS0626, CS0824 // declarations only: extern members and constructors without an implementation
// Stand-in (declarations only) for nanoFramework.Runtime.Native 1.7.11: the execution time limit.
namespace nanoFramework.Runtime.Native
{
    public class ConstraintException : System.Exception
    {
    }

    public static class ExecutionConstraint
    {
        public static extern void Install(int timeoutMilliseconds, int priority);
    }
}
