// The API test classes count events per aggregate on one shared broker; running them one class at a
// time keeps the counts about the test that made them and the two-core machine unhurried.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
