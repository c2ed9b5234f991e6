package org.casinoloyalty.generator.simulation;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A roster of any size (issue 14), and several generators sharing one. */
class GeneratedRosterTest {

	@Test
	void fifteenIsTheOriginalRoster() {
		assertThat(MemberRoster.ofSize(15)).isEqualTo(MemberRoster.defaultRoster());
	}

	@Test
	void twentyThousandMembersKeepTheOriginalsPersonaSharesAndAreTheSameEveryTime() {
		List<Member> roster = MemberRoster.ofSize(20_000);
		assertThat(roster).hasSize(20_000);
		assertThat(roster.getFirst().id()).isEqualTo(1001L);
		assertThat(roster.getLast().id()).isEqualTo(21_000L);
		assertThat(roster.stream().map(Member::id).collect(Collectors.toSet())).hasSize(20_000);
		Map<Persona, Long> perPersona = roster.stream().collect(Collectors.groupingBy(Member::persona, Collectors.counting()));
		assertThat(perPersona).containsOnly(Map.entry(Persona.HIGH_ROLLER, 6_670L), Map.entry(Persona.REGULAR, 6_665L),
				Map.entry(Persona.UNLUCKY, 6_665L));
		assertThat(roster.subList(0, 15)).isEqualTo(MemberRoster.defaultRoster());
		assertThat(roster.get(15).persona()).isEqualTo(Persona.HIGH_ROLLER);
		assertThat(roster.get(15).name()).matches("[A-Z][a-z]+ [A-Z]\\. [A-Z][a-z]+");
		assertThat(roster.stream().map(Member::name).distinct().count()).as("distinct names, of 106,496 possible").isGreaterThan(18_000);
		assertThat(MemberRoster.ofSize(20_000)).isEqualTo(roster);
		assertThat(MemberRoster.ofSize(100)).isEqualTo(roster.subList(0, 100));
	}

	@Test
	void theSizeComesFromThePropertiesAndCannotBeCombinedWithAGivenRoster() {
		assertThat(MemberRoster.from(new SimulationProperties(null, null, null, 40, null))).hasSize(40);
		var file = new ByteArrayResource("1,A,regular".getBytes(), "roster.csv");
		assertThatIllegalArgumentException().isThrownBy(() -> new SimulationProperties(null, null, file, 40, null))
			.withMessageContaining("CASINO_SIMULATION_MEMBERS=40")
			.withMessageContaining("roster.csv");
		assertThatIllegalArgumentException().isThrownBy(() -> MemberRoster.ofSize(0)).withMessageContaining("not 0");
	}

	@Test
	void generatorsSharingARosterPlayDisjointSharesThatCoverItWithEveryPersona() {
		List<Member> roster = MemberRoster.ofSize(20_000);
		Set<Member> covered = new HashSet<>();
		for (int index = 0; index < 3; index++) {
			List<Member> share = new SimulationProperties.RosterShare(index, 3).of(roster);
			assertThat(share).hasSizeBetween(6_665, 6_668).noneMatch(covered::contains);
			assertThat(share.stream().collect(Collectors.groupingBy(Member::persona, Collectors.counting())))
				.hasSize(3)
				.allSatisfy((persona, count) -> assertThat(count).isBetween(2_221L, 2_224L));
			covered.addAll(share);
		}
		assertThat(covered).containsExactlyInAnyOrderElementsOf(roster);
		assertThat(SimulationProperties.RosterShare.WHOLE.of(roster)).isEqualTo(roster);
	}

	@Test
	void aShareWithoutMembersOrOutsideTheCountIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SimulationProperties.RosterShare(3, 3))
			.withMessageContaining("CASINO_GENERATOR_INSTANCE=3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SimulationProperties.RosterShare(2, 4).of(MemberRoster.ofSize(2)))
			.withMessageContaining("generator 3 of 4 has no member");
	}

	@Test
	void generatorsSharingARosterNeverIssueTheSameTransactionId() {
		Clock now = Clock.fixed(Instant.parse("2026-12-03T18:00:00.123Z"), ZoneOffset.UTC);
		Clock restartedLater = Clock.fixed(Instant.parse("2026-12-03T18:00:01.001Z"), ZoneOffset.UTC);
		var first = new TransactionIds(now, new SimulationProperties.RosterShare(0, 3));
		var second = new TransactionIds(restartedLater, new SimulationProperties.RosterShare(1, 3));
		var third = new TransactionIds(now, new SimulationProperties.RosterShare(2, 3));
		Set<Long> issued = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			for (var ids : List.of(first, second, third)) {
				assertThat(issued.add(ids.next())).isTrue();
			}
		}
		assertThat(issued.stream().collect(Collectors.groupingBy(id -> Math.floorMod(id, 3), Collectors.counting())))
			.containsOnly(Map.entry(0, 100_000L), Map.entry(1, 100_000L), Map.entry(2, 100_000L));
	}

	@Test
	void aSharePlaysOnlyItsOwnMembers() {
		List<Member> roster = MemberRoster.ofSize(300);
		var share = new SimulationProperties.RosterShare(1, 2);
		Set<Long> own = share.of(roster).stream().map(Member::id).collect(Collectors.toSet());
		var simulator = new CasinoSimulator(share.of(roster), new SplittableRandom(5), Clock.systemUTC(),
				new TransactionIds(Clock.systemUTC(), share));
		Map<Long, Long> plays = java.util.stream.Stream.generate(simulator::play)
			.limit(20_000)
			.map(List::getFirst)
			.collect(Collectors.groupingBy(TransactionEvent::memberId, Collectors.counting()));
		assertThat(own).containsAll(plays.keySet());
		assertThat(plays.keySet()).as("members of the share who played").hasSizeGreaterThan(140);
	}

}
