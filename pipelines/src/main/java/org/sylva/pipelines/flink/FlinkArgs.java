package org.sylva.pipelines.flink;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line spellings Sylva accepts for Beam's Flink options. Beam's own names
 * ({@code --flinkMaster=host:port}) always work; {@code --flink-master host:port} and
 * {@code --flink-master=host:port} are aliases in Sylva's kebab-case CLI style.
 */
public final class FlinkArgs {

  private static final String ALIAS = "--flink-master";

  private FlinkArgs() {}

  /** Rewrites aliases to Beam's names; everything else passes through unchanged, in order. */
  public static String[] toBeamArgs(List<String> args) {
    List<String> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.startsWith(ALIAS + "=")) {
        out.add("--flinkMaster=" + arg.substring(ALIAS.length() + 1));
      } else if (arg.equals(ALIAS)) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException(ALIAS + " needs a value: " + ALIAS + "=host:port");
        }
        out.add("--flinkMaster=" + args.get(++i));
      } else {
        out.add(arg);
      }
    }
    return out.toArray(String[]::new);
  }
}
