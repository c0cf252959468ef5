package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.ExportSnapshot;
import java.util.List;

/** A page of exports; pass {@code bookmark} for the next one (empty when there is none). */
public record ExportPage(List<ExportSnapshot> exports, String bookmark, int count) {}
