namespace Powers.Hosting.Tests;

public class DecisionIdsTests
{
    [Fact]
    public void Next_ManyIdsAcrossRandomBlocks_EachAVersion7UuidOfItsMillisecondAndDistinct()
    {
        var now = new DateTimeOffset(2026, 11, 29, 17, 0, 0, 123, TimeSpan.Zero);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var bytes = new byte[16];
        for (int i = 0; i < 1000; i++)
        {
            string id = DecisionIds.Next(now);
            var guid = Guid.Parse(id);
            Assert.True(guid.TryWriteBytes(bytes, bigEndian: true, out _));
            long milliseconds = 0;
            for (int b = 0; b < 6; b++)
            {
                milliseconds = milliseconds << 8 | bytes[b];
            }

            Assert.Equal(7, guid.Version);
            Assert.Equal(0x80, bytes[8] & 0xC0);
            Assert.Equal(now.ToUnixTimeMilliseconds(), milliseconds);
            Assert.Equal(36, id.Length);
            Assert.True(ids.Add(id), "id repeated: " + id);
        }
    }

    [Fact]
    public void Next_SameMillisecond_RandomBitsDiffer()
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(56);

        string first = DecisionIds.Next(now);
        string second = DecisionIds.Next(now);

        // 74 random bits each: equal only if the generator repeated itself.
        Assert.NotEqual(first[14..], second[14..]);
    }
}
