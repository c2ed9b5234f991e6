package org.casinoloyalty.generator.simulation;

import java.math.BigDecimal;

/**
 * The games of the original, with their share of bets, win rate, house edge and table limits (design §3).
 */
public enum Game {

	SLOT(new Odds("slot", 0.40, 0.45, 0.08, 10, 500)),
	BLACKJACK(new Odds("blackjack", 0.25, 0.48, 0.02, 25, 1000)),
	ROULETTE(new Odds("roulette", 0.20, 0.47, 0.053, 10, 500)),
	POKER(new Odds("poker", 0.15, 0.46, 0.05, 50, 2000));

	/**
	 * One game's parameters.
	 *
	 * @param code the value of {@code game_type} in the event contract
	 * @param share the game's share of all bets
	 * @param winRate how often a member of average luck wins
	 * @param houseEdge what the house keeps of every dollar bet, in the long run
	 * @param minBet the table minimum
	 * @param maxBet the table maximum
	 */
	public record Odds(String code, double share, double winRate, double houseEdge, BigDecimal minBet, BigDecimal maxBet) {

		Odds(String code, double share, double winRate, double houseEdge, int minBet, int maxBet) {
			this(code, share, winRate, houseEdge, BigDecimal.valueOf(minBet), BigDecimal.valueOf(maxBet));
		}

	}

	private final Odds odds;

	Game(Odds odds) {
		this.odds = odds;
	}

	public Odds odds() {
		return odds;
	}

	/** The value of {@code game_type} in the event contract. */
	public String code() {
		return odds.code();
	}

}
