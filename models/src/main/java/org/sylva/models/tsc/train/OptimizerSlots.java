package org.sylva.models.tsc.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named state maps of an optimiser ({@code slot -> parameter id -> device -> array}, the layout DJL's
 * {@code Optimizer.withDefaultState} works on), with the export and import a {@link ResumableOptimizer} needs.
 */
final class OptimizerSlots {

  private final Map<String, Map<String, Map<Device, NDArray>>> slots = new LinkedHashMap<>();

  OptimizerSlots(String... names) {
    for (String name : names) {
      slots.put(name, new ConcurrentHashMap<>());
    }
  }

  /** The map of one slot, for {@code withDefaultState}. */
  Map<String, Map<Device, NDArray>> slot(String name) {
    Map<String, Map<Device, NDArray>> slot = slots.get(name);
    if (slot == null) {
      throw new IllegalArgumentException("no optimiser slot " + name + " (slots: " + slots.keySet() + ")");
    }
    return slot;
  }

  Map<String, float[]> export(String parameterId) {
    Map<String, float[]> values = new LinkedHashMap<>();
    slots.forEach((name, slot) -> {
      Map<Device, NDArray> perDevice = slot.get(parameterId);
      if (perDevice != null && !perDevice.isEmpty()) {
        if (perDevice.size() > 1) {
          throw new IllegalStateException("parameter " + parameterId + " has optimiser state on several devices "
              + perDevice.keySet() + "; checkpoints support one");
        }
        values.put(name, perDevice.values().iterator().next().toFloatArray());
      }
    });
    return values;
  }

  void load(String parameterId, NDArray weight, Map<String, float[]> values) {
    if (!values.isEmpty() && !values.keySet().equals(slots.keySet())) {
      throw new IllegalArgumentException("saved optimiser state has slots " + values.keySet() + ", this optimiser "
          + List.copyOf(slots.keySet()));
    }
    values.forEach((name, v) -> {
      if (v.length != weight.size()) {
        throw new IllegalArgumentException("saved " + name + " of parameter " + parameterId + " has " + v.length
            + " values, the parameter " + weight.size());
      }
      NDArray array = weight.getManager().create(v, weight.getShape());
      Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
      perDevice.put(weight.getDevice(), array);
      slots.get(name).put(parameterId, perDevice);
    });
  }
}
