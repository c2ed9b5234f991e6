package org.casinoloyalty.generator.simulation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** 200,000 plays of the default roster with a fixed seed against the figures of design §3. */
class CasinoSimulatorStatisticsTest {

	private static final int PLAYS = 200_000;

	private static final double ONE_POINT = 0.01;

	private static final Map<Game, Long> plays = new EnumMap<>(Game.class);

	private static final Map<Game, BigDecimal> wagered = new EnumMap<>(Game.class);

	private static final Map<Game, BigDecimal> paidOut = new EnumMap<>(Game.class);

	/** Wins and plays per game and persona: the win rate depends on both. */
	private static final Map<String, long[]> winsAndPlays = new HashMap<>();

	private static final Map<Persona, Long> playsByPersona = new EnumMap<>(Persona.class);

	private static final Map<Long, Persona> personaOf = new HashMap<>();

	private static final Set<Long> transactionIds = new HashSet<>();

	private static int events;

	private static boolean everyBetInItsPersonaRange = true;

	private static String firstBetOutOfRange;

	@BeforeAll
	static void play() {
		MemberRoster.defaultRoster().forEach(member -> personaOf.put(member.id(), member.persona()));
		Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
		var simulator = new CasinoSimulator(MemberRoster.defaultRoster(), new SplittableRandom(20261125L), clock, new TransactionIds(clock));
		for (int i = 0; i < PLAYS; i++) {
			List<TransactionEvent> play = simulator.play();
			TransactionEvent bet = play.getFirst();
			Game game = gameOf(bet.gameType());
			Persona persona = personaOf.get(bet.memberId());
			plays.merge(game, 1L, Long::sum);
			playsByPersona.merge(persona, 1L, Long::sum);
			wagered.merge(game, bet.amount(), BigDecimal::add);
			long[] counts = winsAndPlays.computeIfAbsent(game + "/" + persona, key -> new long[2]);
			counts[1]++;
			checkBetRange(bet, game, persona);
			if (play.size() == 2) {
				TransactionEvent win = play.get(1);
				assertThat(win.transactionType()).isEqualTo(TransactionEvent.WIN);
				assertThat(win.memberId()).isEqualTo(bet.memberId());
				assertThat(win.gameType()).isEqualTo(bet.gameType());
				assertThat(win.amount()).isPositive();
				paidOut.merge(game, win.amount(), BigDecimal::add);
				counts[0]++;
			}
			for (TransactionEvent event : play) {
				transactionIds.add(event.transactionId());
				events++;
			}
		}
	}

	private static void checkBetRange(TransactionEvent bet, Game game, Persona persona) {
		double max = game.odds().maxBet().doubleValue();
		double low = Math.max(game.odds().minBet().doubleValue(), persona.habits().minFractionOfMax() * max);
		double high = persona.habits().maxFractionOfMax() * max;
		double amount = bet.amount().doubleValue();
		if ((amount < low || amount > high || bet.amount().scale() != 2) && firstBetOutOfRange == null) {
			everyBetInItsPersonaRange = false;
			firstBetOutOfRange = persona + " bet " + bet.amount() + " on " + game + ", allowed " + low + "–" + high;
		}
	}

	private static Game gameOf(String code) {
		for (Game game : Game.values()) {
			if (game.code().equals(code)) {
				return game;
			}
		}
		throw new AssertionError("unknown game_type " + code);
	}

	@Test
	void eachGameGetsItsShareOfBetsWithinOnePoint() {
		for (Game game : Game.values()) {
			assertThat(plays.get(game) / (double) PLAYS).as("share of %s", game).isCloseTo(game.odds().share(), within(ONE_POINT));
		}
	}

	@Test
	void eachPersonaGetsItsShareOfPlaysWithinOnePoint() {
		for (Persona persona : Persona.values()) {
			assertThat(playsByPersona.get(persona) / (double) PLAYS).as("share of %s", persona)
				.isCloseTo(persona.habits().playShare(), within(ONE_POINT));
		}
	}

	@Test
	void winRatesHoldWithinOnePointAndUnluckyPlayersWinAThirdAsOften() {
		for (Game game : Game.values()) {
			for (Persona persona : Persona.values()) {
				long[] counts = winsAndPlays.get(game + "/" + persona);
				double expected = game.odds().winRate() * (persona == Persona.UNLUCKY ? 0.35 : 1.0);
				assertThat(counts[0] / (double) counts[1]).as("win rate of %s on %s", persona, game)
					.isCloseTo(expected, within(ONE_POINT));
			}
		}
	}

	@Test
	void realisedHouseEdgeOfEachGameIsWithinOnePointOfItsTarget() {
		for (Game game : Game.values()) {
			double edge = 1 - paidOut.get(game).doubleValue() / wagered.get(game).doubleValue();
			assertThat(edge).as("house edge of %s", game).isCloseTo(game.odds().houseEdge(), within(ONE_POINT));
		}
	}

	@Test
	void everyBetLiesInsideItsPersonaRangeWithTwoDecimals() {
		assertThat(everyBetInItsPersonaRange).as(firstBetOutOfRange).isTrue();
	}

	@Test
	void transactionIdsAreUnique() {
		assertThat(transactionIds).hasSize(events);
	}

}
