// Package bench measures this module's regexp package against the standard
// library's on workloads modelled on real use.
//
// The package holds no code of its own: the benchmarks live in its test
// files, so that building the module never builds them. Every workload runs
// twice, as the sub-benchmarks std (the standard library's regexp) and
// rerepl (github.com/rerepl/rerepl/regexp), on the same compiled pattern and
// the same input, and is checked once to give the same answer on both before
// it is timed.
//
// Real texts are read from the directory named by the environment variable
// REREPL_HAYSTACKS (sherlock.txt, the opensubtitles samples, the regex-redux
// FASTA file and UnicodeData.txt); without it, deterministic generated text
// of the same character stands in, so the suite runs anywhere. See
// docs/PERFORMANCE.md for how to run it and compare the two columns.
package bench
