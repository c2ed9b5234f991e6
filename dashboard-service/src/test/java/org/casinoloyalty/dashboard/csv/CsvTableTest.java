package org.casinoloyalty.dashboard.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"=HYPERLINK(\"http://evil\",\"x\") | `\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"`",
			"+1+2 | '+1+2",
			"-2+3 | '-2+3",
			"@SUM(A1) | '@SUM(A1)",
			"Sofia Rossi | Sofia Rossi",
			"O'Brien, Pat | `\"O'Brien, Pat\"`" })
	void aTextCellThatASpreadsheetWouldRunStaysText(String text, String cell) {
		assertThat(CsvTable.cell(text)).isEqualTo(cell);
	}

	@Test
	void tabAndCarriageReturnAtTheStartAreNeutralisedToo() {
		assertThat(CsvTable.cell("\tcmd")).isEqualTo("'\tcmd");
		assertThat(CsvTable.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
	}

	@Test
	void numbersStayNumbersEvenWhenNegativeAndNullIsEmpty() {
		assertThat(CsvTable.cell(new BigDecimal("-2500.00"))).isEqualTo("-2500.00");
		assertThat(CsvTable.cell(-3L)).isEqualTo("-3");
		assertThat(CsvTable.cell(null)).isEmpty();
	}

	@Test
	void aTableIsAHeaderAndOneCrlfLinePerRow() {
		StringWriter out = new StringWriter();

		CsvTable.write(out, List.of("name", "net"), List.of(List.of("=cmd", -5), Arrays.asList("Lee", null)),
				row -> row);

		assertThat(out).hasToString("name,net\r\n'=cmd,-5\r\nLee,\r\n");
	}

}
