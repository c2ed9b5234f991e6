package org.casinoloyalty.localstack.network;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkSettingFailureAnalyzerTest {

	@Test
	void theStartUpReportSaysWhatIsWrongAndWhatToSet() {
		var refused = new NetworkSettingException("CASINO_BIND=0.0.0.0 opens PostgreSQL", "set CASINO_SQL_PASSWORD");

		FailureAnalysis analysis = new NetworkSettingFailureAnalyzer()
			.analyze(new BeanCreationException("embeddedSqlServer", "failed", refused));

		assertThat(analysis.getDescription()).isEqualTo("CASINO_BIND=0.0.0.0 opens PostgreSQL");
		assertThat(analysis.getAction()).isEqualTo("set CASINO_SQL_PASSWORD");
	}

}
