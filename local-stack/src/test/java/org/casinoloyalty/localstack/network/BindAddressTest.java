package org.casinoloyalty.localstack.network;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BindAddressTest {

	@Test
	void loopbackKeepsEverythingOnThisMachine() {
		BindAddress bind = BindAddress.of("127.0.0.1", "");

		assertThat(bind.open()).isFalse();
		assertThat(bind.postgresListenAddresses()).isEqualTo("127.0.0.1");
		assertThat(bind.kafkaListenerHost()).isEqualTo("127.0.0.1");
		assertThat(bind.kafkaAdvertisedHost()).isEqualTo("127.0.0.1");
		assertThat(bind.clientHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void anotherLoopbackAddressIsWhereThisMachinesClientsGoToo() {
		BindAddress bind = BindAddress.of("127.0.0.2", "");

		assertThat(bind.open()).isFalse();
		assertThat(bind.kafkaListenerHost()).isEqualTo("127.0.0.2");
		assertThat(bind.clientHost()).isEqualTo("127.0.0.2");
	}

	@Test
	void aWildcardOpensEveryInterfaceAndThisMachineStillUsesLoopback() {
		BindAddress bind = BindAddress.of("0.0.0.0", "casino-floor.example");

		assertThat(bind.open()).isTrue();
		assertThat(bind.postgresListenAddresses()).isEqualTo("*");
		assertThat(bind.kafkaListenerHost()).isEqualTo("0.0.0.0");
		assertThat(bind.kafkaAdvertisedHost()).isEqualTo("casino-floor.example");
		assertThat(bind.clientHost()).isEqualTo("127.0.0.1");
	}

	@Test
	void aWildcardWithoutAnAdvertisedHostAdvertisesThisMachinesName() {
		assertThat(BindAddress.of("0.0.0.0", " ").kafkaAdvertisedHost()).isNotBlank().isNotEqualTo("0.0.0.0");
	}

	@Test
	void theIpv6WildcardIsBracketedForKafka() {
		BindAddress bind = BindAddress.of("::", "floor");

		assertThat(bind.kafkaListenerHost()).isEqualTo("[0:0:0:0:0:0:0:0]");
		assertThat(bind.postgresListenAddresses()).isEqualTo("*");
	}

	@Test
	void oneAddressOfThisMachineIsTheOnlyOneKafkaUsesWhilePostgresKeepsLoopbackToo() {
		String own = OwnAddress.nonLoopbackIpv4();

		BindAddress bind = BindAddress.of(own, "");

		assertThat(bind.open()).isTrue();
		assertThat(bind.postgresListenAddresses()).isEqualTo("127.0.0.1," + own);
		assertThat(bind.kafkaListenerHost()).isEqualTo(own);
		assertThat(bind.kafkaAdvertisedHost()).isEqualTo(own);
		assertThat(bind.clientHost()).isEqualTo(own);
	}

	@Test
	void anAddressOfAnotherMachineIsRefusedWithTheChoices() {
		// TEST-NET-3 (RFC 5737): never assigned to a real interface
		assertThatExceptionOfType(NetworkSettingException.class).isThrownBy(() -> BindAddress.of("203.0.113.7", ""))
			.withMessageContaining("CASINO_BIND=203.0.113.7 is not an address of this machine")
			.withMessageContaining("0.0.0.0");
	}

	@Test
	void anUnknownNameIsRefused() {
		assertThatExceptionOfType(NetworkSettingException.class).isThrownBy(() -> BindAddress.of("no-such-host.invalid", ""))
			.withMessageContaining("not an address or a known host name");
	}

}
