/**
 * {@code sylva tsc}: the time-series classification benchmark of Fawaz et al. (2019) as an Apache Beam
 * pipeline. One element per (dataset, model, run) is trained and tested in parallel, then the results are
 * reduced to accuracy tables, a critical-difference ranking and a run manifest.
 */
package org.sylva.pipelines.tsc;
