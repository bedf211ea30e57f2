package org.sylva.geo.gedi;

import java.time.Instant;

/**
 * GEDI shot times. {@code delta_time} counts GPS seconds from the mission's {@code master_time_epoch}, which
 * GEDI files store (BEAMxxxx/ancillary/master_time_epoch, in L1B and V002 products) as 1198800018 GPS
 * seconds: 2018-01-01T00:00:00Z expressed in GPS time (GPS is 18 s ahead of UTC since 2017-01-01).
 * No leap second has been inserted since 2017, so for every GEDI shot (launch December 2018) UTC is
 * GPS time minus 18 s; this class must be revisited if a leap second is ever added.
 */
public final class GediTime {

  /** The master epoch GEDI uses, in seconds since the GPS epoch 1980-01-06T00:00:00Z. */
  public static final double DEFAULT_MASTER_EPOCH_GPS_SECONDS = 1_198_800_018d;

  private static final Instant GPS_EPOCH = Instant.parse("1980-01-06T00:00:00Z");
  /** GPS − UTC, valid from 2017-01-01 on. */
  private static final long GPS_MINUS_UTC_SECONDS = 18;

  private GediTime() {}

  /** The UTC instant of a shot, rounded to the microsecond (the resolution of the output table). */
  public static Instant toInstant(double masterEpochGpsSeconds, double deltaTimeSeconds) {
    double gpsSeconds = masterEpochGpsSeconds + deltaTimeSeconds;
    long micros = Math.round((gpsSeconds - GPS_MINUS_UTC_SECONDS) * 1e6);
    return GPS_EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L)).plusNanos(Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  /** The {@code delta_time} of a UTC instant under the default master epoch (used when writing granules). */
  public static double toDeltaTime(Instant utc) {
    double sinceGpsEpoch = (utc.getEpochSecond() - GPS_EPOCH.getEpochSecond()) + utc.getNano() / 1e9;
    return sinceGpsEpoch + GPS_MINUS_UTC_SECONDS - DEFAULT_MASTER_EPOCH_GPS_SECONDS;
  }
}
