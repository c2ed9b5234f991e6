package org.casinoloyalty.generator.simulation;

/** A loyalty-club member of the simulated casino. */
public record Member(long id, String name, Persona persona) {
}
