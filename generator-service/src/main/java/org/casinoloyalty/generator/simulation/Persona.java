package org.casinoloyalty.generator.simulation;

/**
 * How a kind of member plays (design §3): the bet range as fractions of the game's maximum,
 * how often they win compared with the game's win rate, and their share of all plays.
 */
public enum Persona {

	/** Bets 50–100% of the game's maximum. */
	HIGH_ROLLER(0.50, 1.00, 1.0, 0.40),
	/** Bets between the game's minimum and 30% of its maximum. */
	REGULAR(0.0, 0.30, 1.0, 0.30),
	/** Bets 30–60% of the maximum and wins only 35% as often: the drink offers' audience. */
	UNLUCKY(0.30, 0.60, 0.35, 0.30);

	private final double minFractionOfMax;
	private final double maxFractionOfMax;
	private final double luck;
	private final double playShare;

	Persona(double minFractionOfMax, double maxFractionOfMax, double luck, double playShare) {
		this.minFractionOfMax = minFractionOfMax;
		this.maxFractionOfMax = maxFractionOfMax;
		this.luck = luck;
		this.playShare = playShare;
	}

	public double minFractionOfMax() {
		return minFractionOfMax;
	}

	public double maxFractionOfMax() {
		return maxFractionOfMax;
	}

	/** Multiplier applied to the game's win rate. */
	public double luck() {
		return luck;
	}

	public double playShare() {
		return playShare;
	}

}
