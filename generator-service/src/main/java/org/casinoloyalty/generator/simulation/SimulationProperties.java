package org.casinoloyalty.generator.simulation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Who plays and how reproducibly.
 *
 * @param seed seed of the random source; unset draws a fresh one per start, set gives the same plays every run
 * @param members the roster as properties ({@code casino.generator.simulation.members[0].id=…}); empty means
 *     the roster file, or else the original's 1001–1015
 * @param rosterFile a CSV roster, one {@code id,name,persona} a line (persona: high_roller, regular, unlucky)
 */
@Validated
@ConfigurationProperties("casino.generator.simulation")
public record SimulationProperties(Long seed, List<@Valid MemberEntry> members, Resource rosterFile) {

	public SimulationProperties {
		members = members == null ? List.of() : List.copyOf(members);
	}

	/** One roster entry given as properties. */
	public record MemberEntry(@Positive long id, @NotBlank String name, @NotNull Persona persona) {

		Member toMember() {
			return new Member(id, name, persona);
		}

	}

}
