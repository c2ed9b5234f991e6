package org.casinoloyalty.generator.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Simulates plays: picks a member by persona share and a game by bet share, draws the bet in the
 * persona's range, and on a win draws a payout whose mean keeps the game's house edge.
 */
public class CasinoSimulator {

	private final Map<Persona, List<Member>> membersByPersona;
	private final RandomGenerator random;
	private final Clock clock;
	private final TransactionIds ids;

	public CasinoSimulator(List<Member> roster, RandomGenerator random, Clock clock, TransactionIds ids) {
		this.membersByPersona = roster.stream().collect(Collectors.groupingBy(Member::persona));
		this.random = random;
		this.clock = clock;
		this.ids = ids;
	}

	/** One play: a bet, followed by a win when the member wins. */
	public List<TransactionEvent> play() {
		Member member = pickMember();
		Game game = pickGame();
		BigDecimal bet = drawBet(member.persona(), game);
		LocalDateTime now = LocalDateTime.now(clock);
		List<TransactionEvent> events = new ArrayList<>(2);
		events.add(event(member, TransactionEvent.BET, bet, game, now));
		double winProbability = game.winRate() * member.persona().luck();
		if (random.nextDouble() < winProbability) {
			events.add(event(member, TransactionEvent.WIN, drawPayout(bet, game, winProbability), game, now));
		}
		return events;
	}

	private TransactionEvent event(Member member, String type, BigDecimal amount, Game game, LocalDateTime time) {
		return new TransactionEvent(ids.next(), member.id(), member.name(), type, amount, game.code(), time);
	}

	private Member pickMember() {
		double roll = random.nextDouble();
		double cumulative = 0;
		List<Member> chosen = null;
		for (Persona persona : Persona.values()) {
			List<Member> members = membersByPersona.get(persona);
			if (members == null) {
				continue;
			}
			chosen = members;
			cumulative += persona.playShare();
			if (roll < cumulative) {
				break;
			}
		}
		if (chosen == null) {
			throw new IllegalStateException("the member roster is empty");
		}
		return chosen.get(random.nextInt(chosen.size()));
	}

	private Game pickGame() {
		double roll = random.nextDouble();
		double cumulative = 0;
		for (Game game : Game.values()) {
			cumulative += game.share();
			if (roll < cumulative) {
				return game;
			}
		}
		return Game.values()[Game.values().length - 1];
	}

	private BigDecimal drawBet(Persona persona, Game game) {
		double max = game.maxBet().doubleValue();
		double low = Math.max(game.minBet().doubleValue(), persona.minFractionOfMax() * max);
		double high = Math.max(low, persona.maxFractionOfMax() * max);
		return money(low + random.nextDouble() * (high - low));
	}

	/**
	 * A uniform draw around the mean payout bet × (1 − edge) / p, where p is this member's win
	 * probability: the expected return of every play is then 1 − edge, whoever plays.
	 */
	private BigDecimal drawPayout(BigDecimal bet, Game game, double winProbability) {
		double mean = bet.doubleValue() * (1 - game.houseEdge()) / winProbability;
		return money(mean * (0.5 + random.nextDouble()));
	}

	private static BigDecimal money(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
	}

}
