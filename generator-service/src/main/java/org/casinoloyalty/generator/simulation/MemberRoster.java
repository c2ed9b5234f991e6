package org.casinoloyalty.generator.simulation;

import org.springframework.core.io.Resource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The members who play: the original README's 1001–1015 unless configured otherwise. */
public final class MemberRoster {

	private MemberRoster() {
	}

	/** 1001–1005 high rollers, 1006–1010 regulars, 1011–1015 unlucky. */
	public static List<Member> defaultRoster() {
		return List.of(
				new Member(1001, "Alice Chen", Persona.HIGH_ROLLER),
				new Member(1002, "Bob Martinez", Persona.HIGH_ROLLER),
				new Member(1003, "Carol Wong", Persona.HIGH_ROLLER),
				new Member(1004, "David Kim", Persona.HIGH_ROLLER),
				new Member(1005, "Emma Johnson", Persona.HIGH_ROLLER),
				new Member(1006, "Frank Liu", Persona.REGULAR),
				new Member(1007, "Grace Park", Persona.REGULAR),
				new Member(1008, "Henry Tan", Persona.REGULAR),
				new Member(1009, "Iris Patel", Persona.REGULAR),
				new Member(1010, "Jack Wilson", Persona.REGULAR),
				new Member(1011, "Kevin Lee", Persona.UNLUCKY),
				new Member(1012, "Linda Garcia", Persona.UNLUCKY),
				new Member(1013, "Mike Brown", Persona.UNLUCKY),
				new Member(1014, "Nancy Davis", Persona.UNLUCKY),
				new Member(1015, "Oscar Lopez", Persona.UNLUCKY));
	}

	/** Members from properties win over a roster file, which wins over the default roster. */
	public static List<Member> from(SimulationProperties properties) {
		if (!properties.members().isEmpty()) {
			return requireUniqueIds(properties.members().stream().map(SimulationProperties.MemberEntry::toMember).toList(),
					"casino.generator.simulation.members");
		}
		if (properties.rosterFile() != null) {
			return fromCsv(properties.rosterFile());
		}
		return defaultRoster();
	}

	/** Reads {@code id,name,persona} lines; blank lines and lines starting with {@code #} are skipped. */
	static List<Member> fromCsv(Resource file) {
		List<Member> members = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (!line.isBlank() && !line.strip().startsWith("#")) {
					members.add(parseLine(line, file.getDescription() + " line " + number));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the member roster " + file.getDescription(), ex);
		}
		if (members.isEmpty()) {
			throw new IllegalArgumentException("the member roster " + file.getDescription() + " has no members");
		}
		return requireUniqueIds(members, file.getDescription());
	}

	private static Member parseLine(String line, String where) {
		String[] fields = line.split(",", -1);
		if (fields.length != 3) {
			throw new IllegalArgumentException(where + ": expected id,name,persona but got '" + line + "'");
		}
		long id;
		try {
			id = Long.parseLong(fields[0].strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(where + ": member id '" + fields[0].strip() + "' is not a whole number", ex);
		}
		String name = fields[1].strip();
		if (id <= 0 || name.isEmpty()) {
			throw new IllegalArgumentException(where + ": needs a positive id and a name, got '" + line + "'");
		}
		try {
			return new Member(id, name, Persona.valueOf(fields[2].strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(where + ": persona '" + fields[2].strip()
					+ "' is none of high_roller, regular, unlucky", ex);
		}
	}

	private static List<Member> requireUniqueIds(List<Member> members, String source) {
		Set<Long> seen = new HashSet<>();
		for (Member member : members) {
			if (!seen.add(member.id())) {
				throw new IllegalArgumentException(source + ": member id " + member.id() + " appears twice");
			}
		}
		return List.copyOf(members);
	}

}
