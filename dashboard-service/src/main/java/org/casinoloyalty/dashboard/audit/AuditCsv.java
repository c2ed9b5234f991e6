package org.casinoloyalty.dashboard.audit;

import org.casinoloyalty.dashboard.csv.CsvTable;

import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/** The audit trail as CSV ({@link CsvTable}), the columns of {@code staff_actions}, times in UTC. */
public final class AuditCsv {

	private AuditCsv() {
	}

	public static void write(List<StaffAction> rows, Writer out) {
		CsvTable.write(out, List.of("acted_at", "staff_user", "staff_role", "action", "target", "value_before",
				"value_after"), rows,
				row -> Arrays.asList(row.actedAt(), row.staffUser(), row.staffRole(), row.action().key(), row.target(),
						row.valueBefore(), row.valueAfter()));
	}

}
