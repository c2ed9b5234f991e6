package org.casinoloyalty.dashboard.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 CSV for every download of the dashboard, safe to open in a spreadsheet: a text cell that
 * a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage return)
 * gets a leading apostrophe, so a member named {@code =HYPERLINK(...)} stays text (OWASP's advice
 * on CSV injection). Numbers are written as they are, so a negative amount stays a number.
 */
public final class CsvTable {

	private CsvTable() {
	}

	/** How one kind of row is written: the header line, and the cells of a row in the header's order. */
	public record Format<T>(List<String> header, Function<T, List<?>> cells) {

		public Format {
			header = List.copyOf(header);
		}

		public void write(Writer out, Iterable<T> rows) {
			CsvTable.write(out, header, rows, cells);
		}

	}

	/** Writes the rows as they are iterated, so a download need not hold them all. */
	public static <T> void write(Writer out, List<String> header, Iterable<T> rows, Function<T, List<?>> cells) {
		try {
			writeLine(out, header);
			for (T row : rows) {
				writeLine(out, cells.apply(row));
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeLine(Writer out, List<?> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(cell(values.get(i)));
		}
		out.write("\r\n");
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = String.valueOf(value);
		if (!(value instanceof Number) && startsLikeAFormula(text)) {
			text = "'" + text;
		}
		return quoted(text);
	}

	private static boolean startsLikeAFormula(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
	}

	private static String quoted(String text) {
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
