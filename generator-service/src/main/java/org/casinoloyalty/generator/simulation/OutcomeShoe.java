package org.casinoloyalty.generator.simulation;

import java.util.random.RandomGenerator;

/**
 * Win or lose outcomes dealt from a shuffled shoe, like cards from a blackjack shoe: a shoe of
 * {@value #SIZE} outcomes holds the win probability's share of wins, so every single play still
 * wins with exactly that probability, but the count of wins cannot wander far from it. Drawn
 * independently, the win counts of the unlucky players (p ≈ 0.16) alone move a game's realised
 * house edge by about one point over 200,000 plays; dealt from shoes, by about a third of that.
 */
final class OutcomeShoe {

	static final int SIZE = 1000;

	private final double winProbability;
	private final RandomGenerator random;
	private final boolean[] outcomes = new boolean[SIZE];
	private int next = SIZE;

	OutcomeShoe(double winProbability, RandomGenerator random) {
		if (!(winProbability > 0 && winProbability < 1)) {
			throw new IllegalArgumentException("win probability must be in (0, 1), got " + winProbability);
		}
		this.winProbability = winProbability;
		this.random = random;
	}

	double winProbability() {
		return winProbability;
	}

	boolean deal() {
		if (next == SIZE) {
			shuffleNewShoe();
		}
		return outcomes[next++];
	}

	/** A fractional expected win count is rounded up with the fraction as probability, so the mean stays exact. */
	private void shuffleNewShoe() {
		double expectedWins = winProbability * SIZE;
		int wins = (int) expectedWins + (random.nextDouble() < expectedWins - Math.floor(expectedWins) ? 1 : 0);
		for (int i = 0; i < SIZE; i++) {
			outcomes[i] = i < wins;
		}
		for (int i = SIZE - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			boolean swap = outcomes[i];
			outcomes[i] = outcomes[j];
			outcomes[j] = swap;
		}
		next = 0;
	}

}
