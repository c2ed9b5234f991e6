package org.casinoloyalty.generator.simulation;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MemberRosterTest {

	@Test
	void theDefaultRosterIsTheOriginalsFifteenMembers() {
		List<Member> roster = MemberRoster.from(new SimulationProperties(null, null, null, null, null));
		assertThat(roster).extracting(Member::id).containsExactly(1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L,
				1009L, 1010L, 1011L, 1012L, 1013L, 1014L, 1015L);
		assertThat(roster.subList(0, 5)).extracting(Member::persona).containsOnly(Persona.HIGH_ROLLER);
		assertThat(roster.subList(5, 10)).extracting(Member::persona).containsOnly(Persona.REGULAR);
		assertThat(roster.subList(10, 15)).extracting(Member::persona).containsOnly(Persona.UNLUCKY);
	}

	@Test
	void membersGivenAsPropertiesWinOverTheFile() {
		var properties = new SimulationProperties(null,
				List.of(new SimulationProperties.MemberEntry(7, "Seven", Persona.UNLUCKY)), csv("1,One,regular"), null, null);
		assertThat(MemberRoster.from(properties)).containsExactly(new Member(7, "Seven", Persona.UNLUCKY));
	}

	@Test
	void aRosterFileListsIdNameAndPersonaSkippingCommentsAndBlankLines() {
		var properties = new SimulationProperties(null, null, csv("""
				# id,name,persona
				2001, Zoe Quinn ,high_roller

				2002,Yann Roe,REGULAR
				2003,Xia Po,unlucky
				"""), null, null);
		assertThat(MemberRoster.from(properties)).containsExactly(new Member(2001, "Zoe Quinn", Persona.HIGH_ROLLER),
				new Member(2002, "Yann Roe", Persona.REGULAR), new Member(2003, "Xia Po", Persona.UNLUCKY));
	}

	@Test
	void aBadRosterFileIsRefusedWithTheLineThatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> MemberRoster.from(new SimulationProperties(null, null, csv("1,A,regular\n2,B,lucky"), null, null)))
			.withMessageContaining("line 2").withMessageContaining("persona 'lucky'");
		assertThatIllegalArgumentException().isThrownBy(() -> MemberRoster.from(new SimulationProperties(null, null, csv("x,A,regular"), null, null)))
			.withMessageContaining("line 1").withMessageContaining("'x' is not a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> MemberRoster.from(new SimulationProperties(null, null, csv("1,A"), null, null)))
			.withMessageContaining("expected id,name,persona");
		assertThatIllegalArgumentException().isThrownBy(() -> MemberRoster.from(new SimulationProperties(null, null, csv("1,A,regular\n1,B,unlucky"), null, null)))
			.withMessageContaining("member id 1 appears twice");
		assertThatIllegalArgumentException().isThrownBy(() -> MemberRoster.from(new SimulationProperties(null, null, csv("# nobody"), null, null)))
			.withMessageContaining("has no members");
	}

	@Test
	void aRosterWithoutSomePersonasPlaysOnlyThoseItHas() {
		var roster = List.of(new Member(1, "Only Unlucky", Persona.UNLUCKY));
		var simulator = new CasinoSimulator(roster, new java.util.SplittableRandom(3), java.time.Clock.systemUTC(),
				new TransactionIds(java.time.Clock.systemUTC()));
		for (int i = 0; i < 1_000; i++) {
			assertThat(simulator.play().getFirst().memberId()).isEqualTo(1L);
		}
	}

	@Test
	void theSameSeedPlaysTheSameGame() {
		var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
		var first = new CasinoSimulator(MemberRoster.defaultRoster(), new java.util.SplittableRandom(99), clock, new TransactionIds(clock));
		var second = new CasinoSimulator(MemberRoster.defaultRoster(), new java.util.SplittableRandom(99), clock, new TransactionIds(clock));
		for (int i = 0; i < 1_000; i++) {
			assertThat(second.play()).isEqualTo(first.play());
		}
	}

	private static ByteArrayResource csv(String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test roster");
	}

}
