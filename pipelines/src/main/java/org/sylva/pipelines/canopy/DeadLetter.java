package org.sylva.pipelines.canopy;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.values.TupleTag;

/**
 * One input item the canopy pipeline could not use, and why: a corrupt or partial file, a date without
 * valid pixels, a GEDI granule without a kept shot, a variant whose bands are missing. The run goes on
 * without the item where that is safe; all dead letters end up in {@code dead_letters.{parquet,csv}}.
 *
 * @param stage pipeline stage that met the problem ({@code ingest}, {@code dataset}, {@code train}, ...)
 * @param item what could not be used: a file name, a date, a variant name
 * @param message the problem in one line
 */
public record DeadLetter(String stage, String item, String message) implements Serializable {

  /** The side output every stage reports dead letters on. */
  public static final TupleTag<DeadLetter> TAG = new TupleTag<>("deadLetters") {};

  public DeadLetter {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(item, "item");
    message = message == null ? "unknown problem" : message.lines().findFirst().orElse(message);
  }
}
