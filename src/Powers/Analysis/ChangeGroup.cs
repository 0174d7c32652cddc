namespace Powers.Analysis;

/// <summary>
/// The situations where one power changes from one outcome to one other: cubes, merged whenever their number has
/// doubled (so a long search keeps about as many as the answer needs, not one per situation class), and the first
/// situation found, as the example.
/// </summary>
internal sealed class ChangeGroup
{
    private const int FirstMerge = 4096;
    private int _mergeAt = FirstMerge;

    public ChangeGroup(List<FactValue> example) => Example = example;

    public List<Cube> Cubes { get; private set; } = [];

    public List<FactValue> Example { get; }

    /// <summary>Adds a cube; returns how many more (or, after a merge, fewer) cubes the group keeps.</summary>
    public int Add(Cube cube, int[] sizes)
    {
        Cubes.Add(cube);
        if (Cubes.Count < _mergeAt)
        {
            return 1;
        }

        int before = Cubes.Count - 1;
        Cubes = Cube.Merge(Cubes, sizes);
        _mergeAt = Math.Max(FirstMerge, 2 * Cubes.Count);
        return Cubes.Count - before;
    }
}
