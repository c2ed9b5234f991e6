package org.casinoloyalty.generator.simulation;

import java.math.BigDecimal;

/**
 * The games of the original, with their share of bets, win rate, house edge and table limits (design §3).
 */
public enum Game {

	SLOT("slot", 0.40, 0.45, 0.08, 10, 500),
	BLACKJACK("blackjack", 0.25, 0.48, 0.02, 25, 1000),
	ROULETTE("roulette", 0.20, 0.47, 0.053, 10, 500),
	POKER("poker", 0.15, 0.46, 0.05, 50, 2000);

	private final String code;
	private final double share;
	private final double winRate;
	private final double houseEdge;
	private final BigDecimal minBet;
	private final BigDecimal maxBet;

	Game(String code, double share, double winRate, double houseEdge, int minBet, int maxBet) {
		this.code = code;
		this.share = share;
		this.winRate = winRate;
		this.houseEdge = houseEdge;
		this.minBet = BigDecimal.valueOf(minBet);
		this.maxBet = BigDecimal.valueOf(maxBet);
	}

	/** The value of {@code game_type} in the event contract. */
	public String code() {
		return code;
	}

	public double share() {
		return share;
	}

	public double winRate() {
		return winRate;
	}

	public double houseEdge() {
		return houseEdge;
	}

	public BigDecimal minBet() {
		return minBet;
	}

	public BigDecimal maxBet() {
		return maxBet;
	}

}
