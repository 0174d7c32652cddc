namespace Powers.Properties.Tests.Support;

/// <summary>The properties run under the heap cap their project sets (System.GC.HeapHardLimit, 1 GiB).</summary>
public class MemoryBudgetTests
{
    [Fact]
    public void TestHost_PropertiesProject_HeapCappedAtOneGibibyte()
    {
        // With a hard limit the GC reports it as the memory available to the process.
        Assert.Equal(1L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }
}
