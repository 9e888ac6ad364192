// Tests that execute notebooks run one at a time: each run is CPU-heavy, and NuGet restores of different runs share
// ~/.packagemanagement. The rest of this project is quick, so nothing here runs in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
