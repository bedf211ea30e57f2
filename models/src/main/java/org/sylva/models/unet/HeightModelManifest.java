package org.sylva.models.unet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sylva.models.io.SoftwareVersions;
import org.sylva.models.metrics.HeightAccuracy;
import org.sylva.models.patch.ChannelStatistics;
import org.sylva.models.train.EpochRecord;
import org.sylva.models.train.TrainingOptions;

/**
 * {@code manifest.json} of a canopy-height model directory: everything needed to use the weights correctly
 * later (band order, normalisation, architecture) and to trace how they were made (data hash, options,
 * seed, history, metrics, software versions). Contains no timestamps or durations, so the same training
 * gives the same manifest bytes.
 *
 * @param format artefact format and version, {@value #FORMAT}
 * @param target what the output band holds
 * @param bands input band names in the order the network expects them
 * @param normalisation per-band statistics of the training inputs; missing values become 0 after normalisation
 * @param nodata input value treated as missing besides NaN (null when none)
 * @param architecture the network
 * @param training how the weights were trained
 * @param validation accuracy on the validation patches with the final weights (null without validation data)
 * @param versions software that trained the model
 * @param weights the weights file and its SHA-256
 */
public record HeightModelManifest(
    String format,
    String target,
    List<String> bands,
    ChannelStatistics normalisation,
    Float nodata,
    UNetConfig architecture,
    Training training,
    HeightAccuracy validation,
    SoftwareVersions versions,
    Weights weights) {

  public static final String FORMAT = "sylva-height-model/1";
  public static final String TARGET = "canopy height (m), >= 0";

  public HeightModelManifest {
    bands = List.copyOf(bands);
  }

  /**
   * How the weights were trained.
   *
   * @param dataSha256 SHA-256 of the training then validation patches ({@link org.sylva.models.patch.PatchHash})
   * @param trainPatches number of training patches
   * @param validationPatches number of validation patches
   * @param trainTargets number of valid target pixels in the training patches
   * @param patchHeight patch height in pixels
   * @param patchWidth patch width in pixels
   * @param loss loss spec ({@link org.sylva.models.loss.MaskedLoss#parse})
   * @param options optimiser, schedule, early stopping, augmentation and seed
   * @param bestEpoch epoch whose weights were kept
   * @param stoppedEarly whether early stopping ended training
   * @param history per-epoch loss, learning rate and validation metrics
   */
  public record Training(String dataSha256, int trainPatches, int validationPatches, long trainTargets, int patchHeight,
      int patchWidth, String loss, TrainingOptions options, int bestEpoch, boolean stoppedEarly, List<EpochRecord> history) {

    public Training {
      history = List.copyOf(history);
    }
  }

  /**
   * @param file file name in the model directory (DJL parameter format)
   * @param sha256 SHA-256 of that file, checked on loading
   */
  public record Weights(String file, String sha256) {}

  /**
   * Refuses input bands that differ from {@link #bands} in names or order, with a message listing both.
   *
   * @throws IllegalArgumentException when {@code given} does not match
   */
  public void requireBands(List<String> given) {
    if (bands.equals(given)) {
      return;
    }
    Set<String> missing = new LinkedHashSet<>(bands);
    missing.removeAll(given);
    Set<String> unexpected = new LinkedHashSet<>(given);
    unexpected.removeAll(bands);
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("missing " + missing);
    }
    if (!unexpected.isEmpty()) {
      problems.add("unexpected " + unexpected);
    }
    if (problems.isEmpty()) {
      problems.add(given.size() == bands.size() ? "same bands in another order" : "repeated bands");
    }
    throw new IllegalArgumentException("input bands do not match the model: expected " + bands.size() + " bands " + bands
        + ", given " + given.size() + " " + given + " (" + String.join("; ", problems) + ")");
  }
}
