package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/** A "Download CSV" link of exactly the rows a grid shows now, filters applied. */
public final class CsvDownload {

	private CsvDownload() {
	}

	public static <T> Anchor link(String fileName, Grid<T> grid, BiConsumer<List<T>, Writer> writer) {
		DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
			AtomicReference<List<T>> rows = new AtomicReference<>();
			event.getUI().accessSynchronously(() -> rows.set(grid.getListDataView().getItems().toList()));
			StringWriter csv = new StringWriter();
			writer.accept(rows.get(), csv);
			byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
			return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8", bytes.length);
		});
		Anchor anchor = new Anchor(handler, "Download CSV");
		anchor.addClassName("csv-link");
		return anchor;
	}

}
