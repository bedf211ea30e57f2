package org.sylva.pipelines.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.testing.ExternalTools;
import org.sylva.models.tsc.nn.Fcn;
import org.sylva.models.tsc.nn.GlorotUniform;

/**
 * Sylva's FCN and the benchmark peer's PyTorch FCN ({@code tsc_peer.py}) are the same function: with the
 * same weights and batch-norm statistics, in inference mode, both give the same logits. This checks the
 * DJL network (TensorFlow "same" padding of the even kernel, batch norm, pooling, dense layer) against an
 * independent implementation, and that the benchmark compares like with like.
 */
class TscPeerNetworkTest {

  @TempDir Path dir;

  @Test
  void djlAndPytorchFcnGiveTheSameLogits() throws Exception {
    ExternalTools.requirePythonModules("torch", "numpy");
    int batch = 3;
    int length = 37;
    int classes = 4;
    Random random = new Random(2);
    float[] input = new float[batch * length];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
    }
    List<float[]> parameters = new ArrayList<>();
    float[] logits;
    try (NDManager manager = NDManager.newBaseManager()) {
      Block fcn = Fcn.builder().classes(classes).build();
      fcn.setInitializer(new GlorotUniform(5), Parameter.Type.WEIGHT);
      fcn.initialize(manager, DataType.FLOAT32, new Shape(batch, 1, length));
      for (Pair<String, Parameter> p : fcn.getParameters()) {
        Parameter parameter = p.getValue();
        float[] values = parameter.getArray().toFloatArray();
        if (parameter.getType() != Parameter.Type.WEIGHT) { // non-trivial biases and batch-norm statistics
          for (int i = 0; i < values.length; i++) {
            values[i] = parameter.getType() == Parameter.Type.RUNNING_VAR || parameter.getType() == Parameter.Type.GAMMA
                ? 0.5f + random.nextFloat() : 0.3f * (float) random.nextGaussian();
          }
          parameter.getArray().set(values);
        }
        parameters.add(values);
      }
      logits = fcn.forward(new ParameterStore(manager, false),
          new NDList(manager.create(input, new Shape(batch, 1, length))), false).singletonOrThrow().toFloatArray();
    }

    try (InputStream in = TscPeerNetworkTest.class.getResourceAsStream("tsc_peer.py")) {
      Files.write(dir.resolve("tsc_peer.py"), in.readAllBytes());
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("input", input);
    payload.put("parameters", parameters);
    Path json = dir.resolve("payload.json");
    new ObjectMapper().writeValue(json.toFile(), payload);
    String out = ExternalTools.python("""
        import json, sys
        import numpy as np
        import torch
        sys.path.insert(0, sys.argv[1])
        from tsc_peer import Fcn
        payload = json.load(open(sys.argv[2]))
        model = Fcn(1, int(sys.argv[3]))
        tensors = [v for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")]
        assert len(tensors) == len(payload["parameters"]), (len(tensors), len(payload["parameters"]))
        with torch.no_grad():
            for t, values in zip(tensors, payload["parameters"]):
                t.copy_(torch.tensor(values, dtype=torch.float32).reshape(t.shape))
        model.eval()
        x = torch.tensor(payload["input"], dtype=torch.float32).reshape(3, 1, -1)
        print(json.dumps(model(x).detach().numpy().ravel().tolist()))
        """, dir.toString(), json.toString(), Integer.toString(classes));
    JsonNode torch = new ObjectMapper().readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(torch).hasSize(logits.length);
    for (int i = 0; i < logits.length; i++) {
      assertThat((double) logits[i]).as("logit %d", i).isCloseTo(torch.get(i).asDouble(), within(1e-4));
    }
  }
}
