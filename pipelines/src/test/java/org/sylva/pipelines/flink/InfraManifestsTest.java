package org.sylva.pipelines.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sylva.pipelines.cli.SylvaCli;

/**
 * Every YAML document under {@code infra/} parses and carries what its kind needs to deploy: the Flink
 * session cluster runs the Flink line of Sylva's Beam runner with sized JobManager/TaskManagers and a
 * restart strategy; submission Jobs and CronJobs run a real {@code sylva} subcommand on the cluster and
 * write to object storage. Catches the typos {@code kubectl apply} would only report at deploy time.
 */
class InfraManifestsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path INFRA = Path.of(System.getProperty("sylva.home", "..")).resolve("infra").normalize();

  private static List<JsonNode> documents;
  private static Set<String> subcommands;

  @BeforeAll
  static void parseAll() throws IOException {
    documents = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(INFRA)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.toString().contains("/.cluster/"))
          .sorted().toList();
    }
    assertThat(files).as("YAML files under %s", INFRA).isNotEmpty();
    for (Path file : files) {
      try (var parser = YAML.getFactory().createParser(file.toFile())) {
        YAML.readValues(parser, JsonNode.class).forEachRemaining(doc -> {
          if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
            documents.add(doc);
          }
        });
      }
    }
    subcommands = SylvaCli.newCommandLine().getSubcommands().keySet();
  }

  @Test
  void everyDocumentNamesItsKind() {
    for (JsonNode doc : documents) {
      assertThat(doc.path("apiVersion").asText()).as("apiVersion of %s", doc.path("metadata").path("name")).isNotEmpty();
      assertThat(doc.path("kind").asText()).as("kind of %s", doc.path("metadata").path("name")).isNotEmpty();
      assertThat(doc.path("metadata").path("name").asText()).as("metadata.name of a %s", doc.path("kind")).isNotEmpty();
    }
    assertThat(kinds()).contains("FlinkDeployment", "CronJob", "Job", "FlinkSessionJob");
  }

  @Test
  void sessionClusterRunsTheRunnersFlinkLineWithResourcesAndRestarts() {
    String runnerLine = "v" + FlinkPreflight.minorLine(EnvironmentInformation.getVersion()).replace('.', '_');
    for (JsonNode deployment : ofKind("FlinkDeployment")) {
      String name = deployment.path("metadata").path("name").asText();
      JsonNode spec = deployment.path("spec");
      assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
      assertThat(spec.path("flinkVersion").asText()).as("%s flinkVersion", name).isEqualTo(runnerLine);
      assertThat(spec.path("image").asText()).as("%s image", name).isNotEmpty();
      for (String role : List.of("jobManager", "taskManager")) {
        JsonNode resource = spec.path(role).path("resource");
        assertThat(resource.path("memory").asText()).as("%s %s memory", name, role).matches("\\d+(m|g|Mi|Gi)");
        assertThat(resource.path("cpu").asDouble()).as("%s %s cpu", name, role).isPositive();
      }
      assertThat(spec.path("flinkConfiguration").path("restart-strategy.type").asText()).as("%s restart strategy", name)
          .isIn("fixed-delay", "exponential-delay", "failure-rate");
    }
  }

  @Test
  void sessionJobsRunTheSylvaCliOnADeclaredCluster() {
    Set<String> deployments = names("FlinkDeployment");
    for (JsonNode sessionJob : ofKind("FlinkSessionJob")) {
      JsonNode spec = sessionJob.path("spec");
      assertThat(spec.path("deploymentName").asText()).isIn(deployments);
      assertThat(spec.path("job").path("jarURI").asText()).endsWith("-flink.jar");
      assertThat(spec.path("job").path("entryClass").asText()).isEqualTo(SylvaCli.class.getName());
      assertThat(subcommands).as("sylva subcommands").contains(spec.path("job").path("args").path(0).asText());
    }
  }

  @Test
  void schedulesAndSubmissionsRunRealSubcommandsOnTheClusterIntoObjectStorage() {
    Set<String> restServices = new java.util.HashSet<>();
    names("FlinkDeployment").forEach(n -> restServices.add("--flinkMaster=" + n + "-rest:8081"));
    List<JsonNode> podSpecs = new ArrayList<>();
    for (JsonNode cron : ofKind("CronJob")) {
      String schedule = cron.path("spec").path("schedule").asText();
      assertThat(schedule.split(" ")).as("cron schedule '%s' of %s", schedule, cron.path("metadata").path("name")).hasSize(5);
      podSpecs.add(cron.path("spec").path("jobTemplate").path("spec").path("template").path("spec"));
    }
    ofKind("Job").forEach(job -> podSpecs.add(job.path("spec").path("template").path("spec")));
    assertThat(podSpecs).isNotEmpty();
    for (JsonNode pod : podSpecs) {
      JsonNode container = pod.path("containers").path(0);
      assertThat(container.path("image").asText()).isNotEmpty();
      assertThat(container.path("command").path(0).asText()).isEqualTo("sylva");
      List<String> args = new ArrayList<>();
      container.path("args").forEach(a -> args.add(a.asText()));
      assertThat(args).isNotEmpty();
      assertThat(subcommands).as("sylva subcommands").contains(args.get(0));
      assertThat(args).contains("--runner=FlinkRunner");
      assertThat(args).anyMatch(restServices::contains);
      assertThat(args).anyMatch(a -> a.startsWith("--outputDir=s3://") || a.startsWith("--outputDir=gs://"));
    }
  }

  @Test
  void scheduledRunsIngestIntoTheFolderTheCanopyPipelineReadsOnTheSharedVolume() {
    Set<String> claims = names("PersistentVolumeClaim");
    JsonNode flinkPod = ofKind("FlinkDeployment").get(0).path("spec").path("podTemplate").path("spec");
    String flinkMount = mountOf(flinkPod, flinkPod.path("containers").path(0));
    assertThat(flinkMount).as("the Flink pods mount the shared volume").isNotEmpty();
    for (JsonNode cron : ofKind("CronJob")) {
      JsonNode pod = cron.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
      JsonNode ingest = pod.path("initContainers").path(0);
      String script = ingest.path("args").path(0).asText();
      assertThat(script).as("init container of %s", cron.path("metadata").path("name")).contains("sylva ingest ");
      java.util.regex.Matcher out = java.util.regex.Pattern.compile("--out (\\S+)").matcher(script);
      assertThat(out.find()).as("ingest --out in %s", script).isTrue();
      List<String> args = new ArrayList<>();
      pod.path("containers").path(0).path("args").forEach(a -> args.add(a.asText()));
      assertThat(args).contains("canopy", "--ingested=" + out.group(1));
      assertThat(mountOf(pod, ingest)).isEqualTo(flinkMount);
      assertThat(mountOf(pod, pod.path("containers").path(0))).isEqualTo(flinkMount);
      pod.path("volumes").forEach(v -> assertThat(claims).contains(v.path("persistentVolumeClaim").path("claimName").asText()));
    }
  }

  /** Mount path of the container's first volume, which must be a claim the pod declares; "" when none. */
  private static String mountOf(JsonNode pod, JsonNode container) {
    JsonNode mount = container.path("volumeMounts").path(0);
    if (mount.isMissingNode()) {
      return "";
    }
    boolean declared = false;
    for (JsonNode volume : pod.path("volumes")) {
      declared |= volume.path("name").asText().equals(mount.path("name").asText())
          && !volume.path("persistentVolumeClaim").path("claimName").asText().isEmpty();
    }
    assertThat(declared).as("volume %s declared as a claim", mount.path("name")).isTrue();
    return mount.path("mountPath").asText();
  }

  @Test
  void imageIsBuiltOnTheRunnersFlinkLine() throws IOException {
    String dockerfile = Files.readString(INFRA.resolve("docker/Dockerfile"));
    String line = FlinkPreflight.minorLine(EnvironmentInformation.getVersion());
    assertThat(dockerfile).contains("FROM flink:" + line + "-java17").contains("-Pflink-jar");
  }

  private static List<String> kinds() {
    return documents.stream().map(d -> d.path("kind").asText()).toList();
  }

  private static List<JsonNode> ofKind(String kind) {
    return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  private static Set<String> names(String kind) {
    Set<String> names = new java.util.TreeSet<>();
    ofKind(kind).forEach(d -> names.add(d.path("metadata").path("name").asText()));
    return names;
  }
}
