package org.casinoloyalty.generator.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Who plays and how reproducibly.
 *
 * @param seed seed of the random source; unset draws a fresh one per start, set gives the same plays every run
 * @param members the roster as properties ({@code casino.generator.simulation.members[0].id=…}); empty means
 *     the roster file, or else a roster of {@code rosterSize}
 * @param rosterFile a CSV roster, one {@code id,name,persona} a line (persona: high_roller, regular, unlucky)
 * @param rosterSize how many members the generated roster has ({@link MemberRoster#ofSize}); unset means the
 *     original's fifteen; cannot be combined with {@code members} or {@code rosterFile}
 * @param instance which share of the roster this generator plays, when several run at once
 */
@Validated
@ConfigurationProperties("casino.generator.simulation")
public record SimulationProperties(Long seed, List<@Valid MemberEntry> members, Resource rosterFile,
		@Positive @Max(MemberRoster.MAX_SIZE) Integer rosterSize, @Valid @DefaultValue RosterShare instance) {

	public SimulationProperties {
		members = members == null ? List.of() : List.copyOf(members);
		instance = instance == null ? RosterShare.WHOLE : instance;
		if (rosterSize != null && (!members.isEmpty() || rosterFile != null)) {
			throw new IllegalArgumentException("casino.generator.simulation.roster-size (CASINO_SIMULATION_MEMBERS="
					+ rosterSize + ") generates a roster, so it cannot be combined with "
					+ (members.isEmpty() ? "roster-file " + rosterFile.getDescription() : "members[…]")
					+ ": set one of them");
		}
	}

	/** One roster entry given as properties. */
	public record MemberEntry(@Positive long id, @NotBlank String name, @NotNull Persona persona) {

		Member toMember() {
			return new Member(id, name, persona);
		}

	}

	/**
	 * This generator's part when {@code count} generators play one roster, and the transaction ids that are
	 * {@code index} modulo {@code count} ({@link TransactionIds}). Each persona's members are dealt in turn,
	 * in roster order, so every generator plays the same mix of personas as the roster, to one member.
	 *
	 * @param index 0 for the first generator
	 * @param count how many generators play the roster together
	 */
	public record RosterShare(@DefaultValue("0") @PositiveOrZero int index, @DefaultValue("1") @Positive @Max(1024) int count) {

		/** One generator plays everyone. */
		public static final RosterShare WHOLE = new RosterShare(0, 1);

		public RosterShare {
			if (count >= 1 && (index < 0 || index >= count)) {
				throw new IllegalArgumentException("casino.generator.simulation.instance.index (CASINO_GENERATOR_INSTANCE="
						+ index + ") must be between 0 and instance.count - 1 (CASINO_GENERATOR_INSTANCES=" + count + ")");
			}
		}

		/** The members this generator plays: of each persona's members, every {@code count}-th from the {@code index}-th. */
		public List<Member> of(List<Member> roster) {
			Map<Persona, Integer> dealt = new EnumMap<>(Persona.class);
			List<Member> share = roster.stream()
				.filter(member -> dealt.merge(member.persona(), 1, Integer::sum) % count == (index + 1) % count)
				.toList();
			if (share.isEmpty()) {
				throw new IllegalArgumentException("generator " + (index + 1) + " of " + count + " has no member to play: the roster has only "
						+ roster.size() + (roster.size() == 1 ? " member" : " members"));
			}
			return share;
		}

		public boolean whole() {
			return count == 1;
		}

	}

}
