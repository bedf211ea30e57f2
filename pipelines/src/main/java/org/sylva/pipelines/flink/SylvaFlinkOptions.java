package org.sylva.pipelines.flink;

import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** Sylva's additions to Beam's Flink options: which jar ships the pipeline's code to the cluster. */
public interface SylvaFlinkOptions extends FlinkPipelineOptions {

  @Description("Bundled pipeline jar staged to the Flink cluster when --filesToStage is not given (built by"
      + " 'mvn -B package -DskipTests -Pflink-jar -pl pipelines -am'). Empty: the bundled jar Sylva runs from,"
      + " else pipelines/target/sylva-pipelines-*-flink.jar if it is newer than the classes, else the whole"
      + " classpath (about 190 files, several times slower to submit).")
  @Default.String("")
  String getPipelineJar();

  void setPipelineJar(String value);
}
