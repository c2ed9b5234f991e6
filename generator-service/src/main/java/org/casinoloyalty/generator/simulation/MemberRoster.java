package org.casinoloyalty.generator.simulation;

import java.util.List;

/** The default roster of the original README: 1001–1005 high rollers, 1006–1010 regulars, 1011–1015 unlucky. */
public final class MemberRoster {

	private MemberRoster() {
	}

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

}
