package org.casinoloyalty.generator.simulation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Simulates plays: picks a member by persona share and a game by bet share, draws the bet in the
 * persona's range, deals win or lose from the shoe of that game and persona, and on a win draws a
 * payout whose mean keeps the game's house edge for every persona.
 * Not thread-safe: one publishing thread drives it.
 */
public class CasinoSimulator {

	/** Payouts spread ±{@value}×mean around the mean: varied amounts, yet a variance that lets the edge converge. */
	static final double PAYOUT_SPREAD = 0.25;

	private final Map<Persona, List<Member>> membersByPersona;
	private final List<Persona> personasInPlay;
	private final double totalShare;
	private final Map<Persona, Map<Game, OutcomeShoe>> shoes = new EnumMap<>(Persona.class);
	private final RandomGenerator random;
	private final Clock clock;
	private final TransactionIds ids;

	public CasinoSimulator(List<Member> roster, RandomGenerator random, Clock clock, TransactionIds ids) {
		if (roster.isEmpty()) {
			throw new IllegalArgumentException("the member roster is empty");
		}
		this.membersByPersona = roster.stream().collect(Collectors.groupingBy(Member::persona, () -> new EnumMap<>(Persona.class), Collectors.toList()));
		this.personasInPlay = List.copyOf(membersByPersona.keySet());
		this.totalShare = personasInPlay.stream().mapToDouble(persona -> persona.habits().playShare()).sum();
		this.random = random;
		this.clock = clock;
		this.ids = ids;
		for (Persona persona : personasInPlay) {
			Map<Game, OutcomeShoe> byGame = new EnumMap<>(Game.class);
			for (Game game : Game.values()) {
				byGame.put(game, new OutcomeShoe(game.odds().winRate() * persona.habits().luck(), random));
			}
			shoes.put(persona, byGame);
		}
	}

	/** One play: a bet, followed by a win when the member wins. */
	public List<TransactionEvent> play() {
		Member member = pickMember();
		Game game = pickGame();
		BigDecimal bet = drawBet(member.persona(), game);
		LocalDateTime now = utcNow();
		List<TransactionEvent> events = new ArrayList<>(2);
		events.add(event(member, TransactionEvent.BET, bet, game, now));
		OutcomeShoe shoe = shoes.get(member.persona()).get(game);
		if (shoe.deal()) {
			events.add(event(member, TransactionEvent.WIN, drawPayout(bet, game, shoe.winProbability()), game, now));
		}
		return events;
	}

	/** The record that moves the watermark while no play happens (design §4). */
	public TransactionEvent heartbeat() {
		return new TransactionEvent(ids.next(), null, null, TransactionEvent.HEARTBEAT, null, null, utcNow());
	}

	/** UTC whatever the clock's zone, to the millisecond the contract's transaction_time carries. */
	private LocalDateTime utcNow() {
		return LocalDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC);
	}

	private TransactionEvent event(Member member, String type, BigDecimal amount, Game game, LocalDateTime time) {
		return new TransactionEvent(ids.next(), member.id(), member.name(), type, amount, game.code(), time);
	}

	/** Personas missing from a custom roster give their share to the others in proportion. */
	private Member pickMember() {
		double roll = random.nextDouble() * totalShare;
		Persona chosen = personasInPlay.getLast();
		double cumulative = 0;
		for (Persona persona : personasInPlay) {
			cumulative += persona.habits().playShare();
			if (roll < cumulative) {
				chosen = persona;
				break;
			}
		}
		List<Member> members = membersByPersona.get(chosen);
		return members.get(random.nextInt(members.size()));
	}

	private Game pickGame() {
		double roll = random.nextDouble();
		double cumulative = 0;
		for (Game game : Game.values()) {
			cumulative += game.odds().share();
			if (roll < cumulative) {
				return game;
			}
		}
		return Game.values()[Game.values().length - 1];
	}

	private BigDecimal drawBet(Persona persona, Game game) {
		double max = game.odds().maxBet().doubleValue();
		double low = Math.max(game.odds().minBet().doubleValue(), persona.habits().minFractionOfMax() * max);
		double high = Math.max(low, persona.habits().maxFractionOfMax() * max);
		return money(low + random.nextDouble() * (high - low));
	}

	/**
	 * A uniform draw around the mean payout bet × (1 − edge) / p, where p is this member's win
	 * probability: the expected return of every play is then 1 − edge, whoever plays.
	 */
	private BigDecimal drawPayout(BigDecimal bet, Game game, double winProbability) {
		double mean = bet.doubleValue() * (1 - game.odds().houseEdge()) / winProbability;
		return money(mean * (1 - PAYOUT_SPREAD + 2 * PAYOUT_SPREAD * random.nextDouble()));
	}

	/** To the cent, half up; from whole cents, which is cheaper than rounding a decimal expansion. */
	private static BigDecimal money(double value) {
		return BigDecimal.valueOf(Math.round(value * 100), 2);
	}

}
