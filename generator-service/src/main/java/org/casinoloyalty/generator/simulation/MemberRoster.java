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
import java.util.SplittableRandom;

/** The members who play: the original README's 1001–1015 unless configured otherwise. */
public final class MemberRoster {

	/** The largest generated roster: ids stay four to seven digits, and the roster fits in a few hundred MB. */
	public static final int MAX_SIZE = 1_000_000;

	/**
	 * The generated names' fixed seed: the roster is the same on every machine and for every generator
	 * instance, whatever the play's seed, so generators sharing a roster agree on who is who.
	 */
	private static final long NAME_SEED = 20261203L;

	private static final List<String> FIRST_NAMES = List.of("Aaron", "Abigail", "Adrian", "Aisha", "Alan", "Amara",
			"Andre", "Angela", "Arjun", "Ava", "Bianca", "Brandon", "Camila", "Carlos", "Chloe", "Daniel", "Diana",
			"Dmitri", "Elena", "Ethan", "Fatima", "Felix", "Gabriel", "Hana", "Hugo", "Imani", "Isaac", "Jasmine",
			"Javier", "Julia", "Kai", "Keiko", "Leo", "Lucia", "Malik", "Maya", "Mei", "Nadia", "Nathan", "Noah",
			"Olivia", "Omar", "Priya", "Quentin", "Rafael", "Rosa", "Samuel", "Sara", "Sofia", "Tariq", "Thomas",
			"Uma", "Victor", "Wei", "Xavier", "Yara", "Yusuf", "Zara", "Zoe", "Hiro", "Ingrid", "Luca", "Marta", "Pablo");

	private static final List<String> LAST_NAMES = List.of("Adams", "Ahmed", "Alvarez", "Anderson", "Baker", "Becker",
			"Bianchi", "Campbell", "Castro", "Chen", "Cohen", "Costa", "Dubois", "Evans", "Fischer", "Flores", "Garcia",
			"Gupta", "Hall", "Hansen", "Hernandez", "Hughes", "Ito", "Jensen", "Khan", "Kim", "Kowalski", "Kumar",
			"Larsen", "Lee", "Lopez", "Martin", "Meyer", "Mendes", "Moreau", "Murphy", "Nakamura", "Nguyen", "Novak",
			"Okafor", "Olsen", "Park", "Patel", "Perez", "Petrov", "Quinn", "Ramos", "Reyes", "Rossi", "Sato", "Schmidt",
			"Silva", "Singh", "Smith", "Suzuki", "Tanaka", "Torres", "Wagner", "Walker", "Wang", "Weber", "Wong",
			"Yamamoto", "Zhang");

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

	/**
	 * {@code size} members, ids from 1001, in the original's pattern repeated: of every fifteen, five high
	 * rollers, five regulars, five unlucky, so the persona shares are the original's at any size. The first
	 * fifteen are the original's members; the others get names drawn from a fixed seed ("Maya K. Tanaka"),
	 * so a roster is a prefix of every larger one and the same wherever it is generated.
	 */
	public static List<Member> ofSize(int size) {
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("a generated roster has 1 to " + MAX_SIZE + " members, not " + size);
		}
		List<Member> original = defaultRoster();
		List<Member> members = new ArrayList<>(size);
		SplittableRandom names = new SplittableRandom(NAME_SEED);
		for (int position = 0; position < size; position++) {
			Member pattern = original.get(position % original.size());
			String name = position < original.size() ? pattern.name()
					: FIRST_NAMES.get(names.nextInt(FIRST_NAMES.size())) + " " + (char) ('A' + names.nextInt(26)) + ". "
							+ LAST_NAMES.get(names.nextInt(LAST_NAMES.size()));
			members.add(new Member(1001L + position, name, pattern.persona()));
		}
		return List.copyOf(members);
	}

	/**
	 * Members from properties win over a roster file; otherwise the generated roster of the configured size,
	 * or the original's fifteen.
	 */
	public static List<Member> from(SimulationProperties properties) {
		if (!properties.members().isEmpty()) {
			return requireUniqueIds(properties.members().stream().map(SimulationProperties.MemberEntry::toMember).toList(),
					"casino.generator.simulation.members");
		}
		if (properties.rosterFile() != null) {
			return fromCsv(properties.rosterFile());
		}
		return properties.rosterSize() == null ? defaultRoster() : ofSize(properties.rosterSize());
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
