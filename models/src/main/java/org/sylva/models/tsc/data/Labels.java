package org.sylva.models.tsc.data;

import java.math.BigDecimal;

/** How class labels read from files are written, so that {@code 1}, {@code 1.0} and {@code +1} are one class. */
final class Labels {

  private Labels() {}

  /**
   * The canonical form of a label: integral numbers without a fraction or a plus sign ({@code "1.0" -> "1"},
   * {@code "-1" -> "-1"}); any other text unchanged.
   */
  static String canonical(String token) {
    String t = token.strip();
    if (isNumber(t)) {
      BigDecimal value = new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
      if (value.signum() == 0) {
        return "0";
      }
      BigDecimal stripped = value.stripTrailingZeros();
      if (stripped.scale() <= 0) {
        return stripped.toBigIntegerExact().toString();
      }
      return stripped.toPlainString();
    }
    return t;
  }

  static boolean isNumber(String t) {
    return t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  }
}
