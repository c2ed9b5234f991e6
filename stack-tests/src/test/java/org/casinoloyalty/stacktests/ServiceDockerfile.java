package org.casinoloyalty.stacktests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What issue 4 asks of a service image: multi-stage, built with the Maven Wrapper on a JDK 25 image, run on a
 * JRE 25 image as a non-root user, a HEALTHCHECK on Actuator, a heap sized from the container limit, and
 * COPY sources that exist in the build context (the repository root) and are not dropped by .dockerignore.
 */
final class ServiceDockerfile {

	/** One instruction, continuation lines joined. */
	record Instruction(String keyword, String arguments) {
	}

	private final List<Instruction> instructions;

	private ServiceDockerfile(List<Instruction> instructions) {
		this.instructions = instructions;
	}

	static ServiceDockerfile read(Path dockerfile) {
		try {
			return parse(Files.readString(dockerfile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + dockerfile, ex);
		}
	}

	static ServiceDockerfile parse(String text) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continues = trimmed.endsWith("\\");
			current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
			if (!continues) {
				String joined = current.toString().strip();
				int space = joined.indexOf(' ');
				instructions.add(new Instruction(joined.substring(0, space).toUpperCase(Locale.ROOT),
						joined.substring(space + 1).strip()));
				current.setLength(0);
			}
		}
		return new ServiceDockerfile(instructions);
	}

	/** One line per broken rule; empty when all hold. */
	List<String> violations(String module, int port, Path context, List<String> dockerignore) {
		List<String> violations = new ArrayList<>();
		List<Instruction> from = ofKind("FROM", instructions);
		if (from.size() < 2) {
			violations.add("not multi-stage: " + from.size() + " FROM");
		}
		else {
			if (!from.getFirst().arguments().startsWith("eclipse-temurin:25-jdk")) {
				violations.add("build stage is not on eclipse-temurin:25-jdk: " + from.getFirst().arguments());
			}
			if (!from.getLast().arguments().startsWith("eclipse-temurin:25-jre")) {
				violations.add("runtime stage is not on eclipse-temurin:25-jre: " + from.getLast().arguments());
			}
		}
		if (ofKind("RUN", instructions).stream().noneMatch(run -> run.arguments().contains("./mvnw")
				&& (run.arguments().contains("-f " + module + "/pom.xml") || run.arguments().contains("-pl " + module))
				&& run.arguments().contains("package"))) {
			violations.add("no RUN packages " + module + " with the Maven Wrapper (-f " + module + "/pom.xml or -pl " + module + ")");
		}
		List<Instruction> runtime = runtimeStage();
		List<Instruction> user = ofKind("USER", runtime);
		if (user.isEmpty() || List.of("root", "0").contains(user.getLast().arguments().split(":")[0])) {
			violations.add("runtime stage runs as root");
		}
		if (ofKind("HEALTHCHECK", runtime).stream()
			.noneMatch(check -> check.arguments().contains("http://localhost:" + port + "/actuator/health"))) {
			violations.add("no HEALTHCHECK on http://localhost:" + port + "/actuator/health");
		}
		if (ofKind("RUN", runtime).stream().noneMatch(run -> run.arguments().contains("install")
				&& run.arguments().contains("curl"))) {
			violations.add("runtime stage installs no curl for its HEALTHCHECK");
		}
		if (ofKind("ENV", runtime).stream().noneMatch(env -> env.arguments().contains("-XX:MaxRAMPercentage="))) {
			violations.add("heap not sized from the container limit (-XX:MaxRAMPercentage)");
		}
		if (ofKind("EXPOSE", runtime).stream().noneMatch(expose -> expose.arguments().equals(String.valueOf(port)))) {
			violations.add("runtime stage does not EXPOSE " + port);
		}
		for (Instruction copy : ofKind("COPY", instructions)) {
			if (copy.arguments().startsWith("--from")) {
				continue;
			}
			List<String> words = Arrays.asList(copy.arguments().split("\\s+"));
			for (String source : words.subList(0, words.size() - 1)) {
				if (!Files.exists(context.resolve(source))) {
					violations.add("COPY source " + source + " does not exist in the build context");
				}
				else if (ignored(source, dockerignore)) {
					violations.add("COPY source " + source + " is excluded by .dockerignore");
				}
			}
		}
		return violations;
	}

	private List<Instruction> runtimeStage() {
		int lastFrom = 0;
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).keyword().equals("FROM")) {
				lastFrom = i;
			}
		}
		return instructions.subList(lastFrom, instructions.size());
	}

	private static List<Instruction> ofKind(String keyword, List<Instruction> instructions) {
		return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
	}

	private static boolean ignored(String source, List<String> dockerignore) {
		Path path = Path.of(source).normalize();
		for (String pattern : dockerignore) {
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
			if (matcher.matches(path) || path.startsWith(pattern)) {
				return true;
			}
		}
		return false;
	}

	/** The patterns of a .dockerignore file, comments and blank lines left out. */
	static List<String> dockerignore(Path file) {
		try {
			return Files.readAllLines(file).stream().map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

}
