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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What issues 4 and 10 ask of the service image, read for one service's build arguments (SERVICE, PORT):
 * multi-stage, built with the Maven Wrapper on a JDK 25 image in the reactor for that module only, run on a
 * JRE 25 image as a non-root user with curl for docker-compose.yml's healthcheck and no HEALTHCHECK of its own
 * (compose defines them, once), a heap sized from the container limit, the service's port exposed, and COPY
 * sources that exist in the build context (the repository root), are not dropped by .dockerignore, and hold no
 * other module's sources in the stages that build this one.
 */
final class ServiceDockerfile {

	/** One instruction, continuation lines joined. */
	record Instruction(String keyword, String arguments) {
	}

	private static final Pattern BUILD_ARGUMENT = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

	private final List<Instruction> instructions;

	private ServiceDockerfile(List<Instruction> instructions) {
		this.instructions = instructions;
	}

	/** The Dockerfile with each {@code $NAME} / {@code ${NAME}} of {@code buildArguments} replaced by its value. */
	static ServiceDockerfile read(Path dockerfile, Map<String, String> buildArguments) {
		try {
			return parse(Files.readString(dockerfile), buildArguments);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + dockerfile, ex);
		}
	}

	static ServiceDockerfile parse(String text, Map<String, String> buildArguments) {
		Matcher argument = BUILD_ARGUMENT.matcher(text);
		String substituted = argument.replaceAll(found -> Matcher.quoteReplacement(
				buildArguments.getOrDefault(found.group(1), found.group())));
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : substituted.split("\n")) {
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
				&& run.arguments().contains("-pl " + module + " -am") && run.arguments().contains("package"))) {
			violations.add("no RUN packages " + module + " with the Maven Wrapper in the reactor (-pl " + module + " -am)");
		}
		List<Instruction> runtime = runtimeStage();
		List<Instruction> user = ofKind("USER", runtime);
		if (user.isEmpty() || List.of("root", "0").contains(user.getLast().arguments().split(":")[0])) {
			violations.add("runtime stage runs as root");
		}
		if (!ofKind("HEALTHCHECK", instructions).isEmpty()) {
			violations.add("a HEALTHCHECK in the image: docker-compose.yml defines each service's, the one place");
		}
		if (ofKind("RUN", runtime).stream().noneMatch(run -> run.arguments().contains("install")
				&& run.arguments().contains("curl"))) {
			violations.add("runtime stage installs no curl for docker-compose.yml's healthcheck");
		}
		if (ofKind("ENV", runtime).stream().noneMatch(env -> env.arguments().contains("-XX:MaxRAMPercentage="))) {
			violations.add("heap not sized from the container limit (-XX:MaxRAMPercentage)");
		}
		if (ofKind("EXPOSE", runtime).stream().noneMatch(expose -> expose.arguments().equals(String.valueOf(port)))) {
			violations.add("runtime stage does not EXPOSE " + port);
		}
		List<Instruction> building = buildingStages();
		boolean copiesModule = false;
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
				else if (building.contains(copy)) {
					Path path = Path.of(source).normalize();
					copiesModule |= path.equals(Path.of(module));
					if (!path.equals(Path.of(module)) && Files.isRegularFile(context.resolve(source).resolve("pom.xml"))) {
						violations.add("the build of " + module + " copies the sources of module " + source
								+ ", which it does not need");
					}
				}
			}
		}
		if (!copiesModule) {
			violations.add("the build of " + module + " does not COPY " + module);
		}
		return violations;
	}

	/**
	 * The instructions of the stages the runtime stage's {@code COPY --from} reaches, following {@code FROM <stage>}
	 * back to an image: the stages the build for these arguments runs (BuildKit skips the others).
	 */
	private List<Instruction> buildingStages() {
		Map<String, List<Instruction>> stages = new LinkedHashMap<>();
		List<Instruction> current = null;
		for (Instruction instruction : instructions) {
			if (instruction.keyword().equals("FROM")) {
				String[] words = instruction.arguments().split("\\s+");
				current = new ArrayList<>();
				stages.put(words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "#" + stages.size(), current);
			}
			if (current != null) {
				current.add(instruction);
			}
		}
		List<Instruction> building = new ArrayList<>();
		for (Instruction copy : ofKind("COPY", runtimeStage())) {
			String stage = copy.arguments().startsWith("--from=") ? copy.arguments().substring(7).split("\\s+")[0] : null;
			while (stage != null && stages.containsKey(stage)) {
				List<Instruction> own = stages.get(stage);
				building.addAll(own);
				stage = own.getFirst().arguments().split("\\s+")[0];
			}
		}
		return building;
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
