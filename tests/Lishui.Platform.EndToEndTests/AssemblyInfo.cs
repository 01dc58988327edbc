// Two platforms at once (broker, database server, six processes each) would starve a 2-core machine:
// the collections run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
