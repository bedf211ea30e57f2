package org.sylva.geo.geotiff;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.sylva.geo.raster.RasterFormatException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * GDAL's GDAL_METADATA tag (42112): an XML list of {@code <Item name=".." sample="band" role="..">value</Item>}.
 * Items without {@code sample} belong to the dataset; roles {@code description}, {@code unittype},
 * {@code scale} and {@code offset} are the band's description, unit, scale and offset.
 */
record GdalMetadata(Map<String, String> dataset, List<BandMetadata> bands) {

  static GdalMetadata empty(int bandCount) {
    List<BandMetadata> bands = new ArrayList<>();
    for (int i = 0; i < bandCount; i++) {
      bands.add(BandMetadata.empty());
    }
    return new GdalMetadata(Map.of(), List.copyOf(bands));
  }

  static GdalMetadata parse(Path file, String xml, int bandCount) throws RasterFormatException {
    GdalMetadata result = empty(bandCount);
    if (xml == null || xml.isBlank()) {
      return result;
    }
    List<BandMetadata> bands = new ArrayList<>(result.bands());
    Map<String, String> dataset = new TreeMap<>();
    NodeList items = parseXml(file, xml).getElementsByTagName("Item");
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      String name = item.getAttribute("name");
      String value = item.getTextContent();
      String role = item.getAttribute("role").toLowerCase(Locale.ROOT);
      if (!item.hasAttribute("sample")) {
        dataset.put(name, value);
        continue;
      }
      int band;
      try {
        band = Integer.parseInt(item.getAttribute("sample").trim());
      } catch (NumberFormatException e) {
        continue;
      }
      if (band < 0 || band >= bandCount) {
        continue;
      }
      BandMetadata b = bands.get(band);
      bands.set(band, switch (role) {
        case "description" -> b.withDescription(value);
        case "unittype" -> b.withUnit(value);
        case "scale" -> parseDouble(value) == null ? b
            : new BandMetadata(b.description(), b.unit(), java.util.OptionalDouble.of(parseDouble(value)), b.offset(), b.items());
        case "offset" -> parseDouble(value) == null ? b
            : new BandMetadata(b.description(), b.unit(), b.scale(), java.util.OptionalDouble.of(parseDouble(value)), b.items());
        case "" -> b.withItem(name, value);
        default -> b; // other roles (colour interpretation...) describe display, not data: not carried over
      });
    }
    return new GdalMetadata(java.util.Collections.unmodifiableMap(dataset), List.copyOf(bands));
  }

  /** The XML GDAL writes, or null when there is nothing to record. Deterministic (sorted keys). */
  String toXml() {
    StringBuilder xml = new StringBuilder("<GDALMetadata>\n");
    int before = xml.length();
    new TreeMap<>(dataset).forEach((k, v) -> item(xml, k, null, null, v));
    for (int b = 0; b < bands.size(); b++) {
      BandMetadata band = bands.get(b);
      for (Map.Entry<String, String> e : band.items().entrySet()) {
        item(xml, e.getKey(), b, null, e.getValue());
      }
      if (band.offset().isPresent()) {
        item(xml, "OFFSET", b, "offset", repr(band.offset().getAsDouble()));
      }
      if (band.scale().isPresent()) {
        item(xml, "SCALE", b, "scale", repr(band.scale().getAsDouble()));
      }
      final int sample = b;
      band.unit().ifPresent(u -> item(xml, "UNITTYPE", sample, "unittype", u));
      band.description().ifPresent(d -> item(xml, "DESCRIPTION", sample, "description", d));
    }
    if (xml.length() == before) {
      return null;
    }
    return xml.append("</GDALMetadata>\n").toString();
  }

  private static void item(StringBuilder xml, String name, Integer sample, String role, String value) {
    xml.append("  <Item name=\"").append(escape(name)).append('"');
    if (sample != null) {
      xml.append(" sample=\"").append(sample).append('"');
    }
    if (role != null) {
      xml.append(" role=\"").append(role).append('"');
    }
    xml.append('>').append(escape(value)).append("</Item>\n");
  }

  private static String repr(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static Double parseDouble(String s) {
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static org.w3c.dom.Document parseXml(Path file, String xml) throws RasterFormatException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new RasterFormatException(file, "corrupt GDAL_METADATA XML: " + e.getMessage(), e);
    }
  }
}
