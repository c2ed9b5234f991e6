package org.casinoloyalty.localstack.network;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's start-up report for a refused network setting: two lines an operator can act on, no stack trace. */
class NetworkSettingFailureAnalyzer extends AbstractFailureAnalyzer<NetworkSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NetworkSettingException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
