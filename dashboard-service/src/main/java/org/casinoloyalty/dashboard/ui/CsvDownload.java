package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.casinoloyalty.dashboard.csv.CsvTable;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/** A "Download CSV" link of exactly the rows a grid shows now, filters and order applied. */
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
		return anchor(handler);
	}

	/**
	 * The rows of a paged grid: its search and order are read under the session lock, then the rows are
	 * read from the engine a page at a time and written to the browser as they come, outside the lock, so
	 * the download holds one page, whatever the number of rows.
	 */
	public static <T> Anchor link(String fileName, PagedRows<T> rows, CsvTable.Format<T> format) {
		DownloadHandler handler = event -> {
			AtomicReference<PagedRows.Request> request = new AtomicReference<>();
			event.getUI().accessSynchronously(() -> request.set(rows.request()));
			event.setFileName(fileName);
			event.setContentType("text/csv;charset=UTF-8");
			try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
				format.write(out, rows.all(request.get()));
			}
		};
		return anchor(handler);
	}

	private static Anchor anchor(DownloadHandler handler) {
		Anchor anchor = new Anchor(handler, "Download CSV");
		anchor.addClassName("csv-link");
		return anchor;
	}

}
