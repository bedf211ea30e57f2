package org.sylva.pipelines.flink;

import java.time.Duration;
import java.util.Optional;

/**
 * How a pipeline run ended: the runner, Beam's final state, the wall time from submission to the end, and
 * for Flink the job id and how many times the job restarted after failures.
 */
public record RunOutcome(String runner, String state, Duration wallTime, Optional<String> flinkJobId, int restarts) {}
