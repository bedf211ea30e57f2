package org.sylva.geo.sentinel2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sylva.geo.raster.RasterFormatException;

class Sentinel2FolderTest {

  @TempDir Path dir;

  void touch(String relative) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "");
  }

  @Test
  void groupsFilesByDateFromNamesOrFolders() throws Exception {
    for (String band : List.of("B02", "B04", "SCL")) {
      touch("T30TXQ_20230612_" + band + (band.equals("SCL") ? "_20m" : "_10m") + ".tif");
      touch("S2B_MSIL2A_20230702T105629_N0509_R051_T30TXQ_20230702T134507/" + band + ".tif");
    }
    touch("T30TXQ_20230612_B04_20m.tif"); // a resampled twin: the 10 m file wins
    touch("notes.txt");
    touch("T30TXQ_20230612_TCI_10m.tif"); // no band token: ignored
    List<Sentinel2Folder.Acquisition> acquisitions = Sentinel2Folder.scan(dir);
    assertThat(acquisitions).extracting(Sentinel2Folder.Acquisition::id).containsExactly("T30TXQ_20230612", "T30TXQ_20230702");
    var june = acquisitions.get(0);
    assertThat(june.time()).isEqualTo(Instant.parse("2023-06-12T00:00:00Z"));
    assertThat(june.files().get(Sentinel2Band.B04)).isEqualTo(dir.resolve("T30TXQ_20230612_B04_10m.tif"));
    assertThat(june.baseline()).isEmpty();
    var july = acquisitions.get(1);
    assertThat(july.time()).isEqualTo(Instant.parse("2023-07-02T10:56:29Z"));
    assertThat(july.files()).containsOnlyKeys(Sentinel2Band.B02, Sentinel2Band.B04, Sentinel2Band.SCL);
    assertThat(july.baseline()).contains(new ProcessingBaseline(5, 9));
  }

  @Test
  void undatedFileIsAClearError() throws Exception {
    touch("scene/B04.tif");
    assertThatThrownBy(() -> Sentinel2Folder.scan(dir)).isInstanceOf(RasterFormatException.class)
        .hasMessageContaining("B04.tif: cannot find the acquisition date");
  }
}
