package org.casinoloyalty.generator.simulation;

/**
 * How a kind of member plays (design §3): the bet range as fractions of the game's maximum,
 * how often they win compared with the game's win rate, and their share of all plays.
 */
public enum Persona {

	/** Bets 50–100% of the game's maximum. */
	HIGH_ROLLER(new Habits(0.50, 1.00, 1.0, 0.40)),
	/** Bets between the game's minimum and 30% of its maximum. */
	REGULAR(new Habits(0.0, 0.30, 1.0, 0.30)),
	/** Bets 30–60% of the maximum and wins only 35% as often: the drink offers' audience. */
	UNLUCKY(new Habits(0.30, 0.60, 0.35, 0.30));

	/**
	 * How one kind of member plays.
	 *
	 * @param minFractionOfMax the smallest bet, as a fraction of the game's maximum
	 * @param maxFractionOfMax the largest bet, as a fraction of the game's maximum
	 * @param luck multiplier applied to the game's win rate
	 * @param playShare this kind's share of all plays
	 */
	public record Habits(double minFractionOfMax, double maxFractionOfMax, double luck, double playShare) {
	}

	private final Habits habits;

	Persona(Habits habits) {
		this.habits = habits;
	}

	public Habits habits() {
		return habits;
	}

}
