namespace OpenIdds.Hal
{
    /// <summary>
    /// Flash as it really is: pages that must be erased (to 0xFF) before they are written, a page
    /// size, and a limited number of erase cycles. A write can be cut by power loss at any byte.
    /// </summary>
    public interface INonVolatileStore
    {
        int PageSize { get; }

        int PageCount { get; }

        /// <summary>Erase cycles each page is rated for (e.g. 10,000 for ESP32 and STM32F7 flash).</summary>
        int RatedEraseCycles { get; }

        void Read(int page, int offset, byte[] buffer, int index, int count);

        /// <summary>Sets every byte of a page to 0xFF. Wears the page by one cycle.</summary>
        void Erase(int page);

        /// <summary>
        /// Programs bytes: each byte becomes the AND of what it held and the data (flash can only clear
        /// bits). Programming the same bits again is allowed, and is how a bit a cut program left weak is
        /// made solid; setting a bit back to 1 needs an erase.
        /// </summary>
        void Write(int page, int offset, byte[] data, int index, int count);
    }
}
