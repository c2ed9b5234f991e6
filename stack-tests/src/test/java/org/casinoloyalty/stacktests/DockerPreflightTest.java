package org.casinoloyalty.stacktests;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/docker-preflight.sh run by bash against a fake `docker` (and `sysctl`) on the PATH, a fake cpuinfo
 * and a fake /proc/sys/fs, so every check is seen failing and passing without a Docker engine or another CPU.
 * The compose file it reads here publishes ports picked free by the test, never the stack's own.
 */
class DockerPreflightTest {

	private static final Path SCRIPT = ComposeFile.REPOSITORY_ROOT.resolve("scripts/docker-preflight.sh");

	/** Answers what the preflight asks, from FAKE_* variables; an empty FAKE_COMPOSE_VERSION means no Compose v2. */
	private static final String FAKE_DOCKER = """
			#!/usr/bin/env bash
			case "$*" in
			  "compose version --short") [[ -n "$FAKE_COMPOSE_VERSION" ]] && echo "$FAKE_COMPOSE_VERSION" || exit 1 ;;
			  *" ps -q") echo "$FAKE_RUNNING" ;;
			  "info --format {{.MemTotal}}") echo "$FAKE_MEMORY" ;;
			  *) echo "fake docker: unexpected $*" >&2; exit 1 ;;
			esac
			""";

	private static final String FAKE_SYSCTL = """
			#!/usr/bin/env bash
			[[ "$*" == "-n machdep.cpu.leaf7_features" ]] && echo "$FAKE_LEAF7" || exit 1
			""";

	@TempDir
	Path dir;

	private final Map<String, String> environment = new HashMap<>();

	private int freePortA;

	private int freePortB;

	@BeforeEach
	void aMachineWherePassesEveryCheck() throws IOException {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		executable(bin.resolve("docker"), FAKE_DOCKER);
		executable(bin.resolve("sysctl"), FAKE_SYSCTL);
		Path fs = Files.createDirectories(dir.resolve("fs"));
		asyncIoSlots(65536, 0);
		cpu("x86_64", "flags\t\t: fpu sse2 avx avx2 bmi2");
		freePortA = freePort();
		do {
			freePortB = freePort();
		}
		while (freePortB == freePortA);
		Files.writeString(dir.resolve("compose.yml"), """
				services:
				  a:
				    image: example/a:1
				    ports:
				      - "${CASINO_BIND:-127.0.0.1}:%d:80"
				  b:
				    image: example/b:1
				    ports:
				      - "${CASINO_BIND:-127.0.0.1}:%d:80"   # a comment, as in docker-compose.yml
				""".formatted(freePortA, freePortB));

		environment.put("PATH", bin + ":/usr/bin:/bin");
		environment.put("FAKE_COMPOSE_VERSION", "2.29.1");
		environment.put("FAKE_RUNNING", "");
		environment.put("FAKE_MEMORY", String.valueOf(8L << 30));
		environment.put("FAKE_LEAF7", "RDSEED ADX SMAP AVX2 BMI2 ERMS");
		environment.put("CASINO_COMPOSE_FILE", dir.resolve("compose.yml").toString());
		environment.put("CASINO_CPUINFO", dir.resolve("cpuinfo").toString());
		environment.put("CASINO_PROC_SYS_FS", fs.toString());
		environment.put("CASINO_UNAME_S", "Linux");
	}

	@Test
	void passesOnAMachineThatHasEverything() throws Exception {
		Result result = run();

		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("ok    Docker Compose 2.29.1 (>= 2.17.0)")
			.contains("ok    host ports free on 127.0.0.1: " + freePortA + " " + freePortB)
			.contains("ok    CPU has AVX2")
			.contains("ok    Async I/O: 65536 slots free")
			.doesNotContain("FAIL")
			.doesNotContain("warn");
	}

	@Test
	void failsWithoutComposeV2() throws Exception {
		environment.put("FAKE_COMPOSE_VERSION", "");

		assertFailsOnce(run(), "Docker Compose v2 not found", "install the Compose plugin");
	}

	@Test
	void failsOnAComposeWithoutWaitTimeout() throws Exception {
		environment.put("FAKE_COMPOSE_VERSION", "v2.16.0");

		assertFailsOnce(run(), "Docker Compose 2.16.0 is older than 2.17.0", "update Docker Desktop");
	}

	@Test
	void acceptsComposeVersionsPastTwo() throws Exception {
		environment.put("FAKE_COMPOSE_VERSION", "5.0.1");

		assertThat(run().output()).contains("ok    Docker Compose 5.0.1");
	}

	@Test
	void failsWhenAPublishedPortIsTaken() throws Exception {
		try (ServerSocket taken = new ServerSocket(freePortB, 1, InetAddress.getLoopbackAddress())) {
			assertFailsOnce(run(), "port " + freePortB + " (for b) is already in use on 127.0.0.1", "lsof -i :" + freePortB);
		}
	}

	@Test
	void leavesThePortsOfTheRunningStackAlone() throws Exception {
		environment.put("FAKE_RUNNING", "0123456789ab");
		try (ServerSocket taken = new ServerSocket(freePortA, 1, InetAddress.getLoopbackAddress())) {
			assertPasses(run(), "ok    host ports: the Docker stack already runs");
		}
	}

	@Test
	void failsOnAnX86CpuWithoutAvx2() throws Exception {
		cpu("x86_64", "flags\t\t: fpu sse2 avx");

		assertFailsOnce(run(), "this CPU lacks AVX2", "simd_disabled=true");
	}

	@Test
	void readsAvx2OnAnIntelMacFromSysctl() throws Exception {
		environment.put("CASINO_UNAME_S", "Darwin");
		assertThat(run().output()).contains("ok    CPU has AVX2");

		environment.put("FAKE_LEAF7", "RDSEED ADX SMAP BMI2 ERMS");
		assertFailsOnce(run(), "this CPU lacks AVX2", "make local");
	}

	@Test
	void passesOnArm64WithoutLookingForAvx2() throws Exception {
		cpu("aarch64", "Features\t: fp asimd");

		assertPasses(run(), "ok    CPU aarch64: RisingWave's ARM64 image needs NEON");
	}

	@Test
	void failsWhenRedpandaWouldFindTooFewAsyncIoSlots() throws Exception {
		asyncIoSlots(65536, 60000);

		assertFailsOnce(run(), "only 5536 Async I/O slots free (fs.aio-max-nr 65536, in use 60000)",
				"sudo sysctl -w fs.aio-max-nr=1048576");
	}

	@Test
	void theEpollFallbackNeedsNoAsyncIoSlots() throws Exception {
		asyncIoSlots(65536, 60000);
		environment.put("CASINO_REDPANDA_REACTOR_BACKEND", "epoll");

		assertPasses(run(), "ok    Redpanda runs on the epoll reactor");
	}

	@Test
	void warnsButPassesOnLittleDockerMemoryOrAnOpenBind() throws Exception {
		environment.put("FAKE_MEMORY", String.valueOf(4L << 30));
		environment.put("CASINO_BIND", "0.0.0.0");

		assertPasses(run(), "warn  Docker has 4096 MiB of memory",
				"warn  CASINO_BIND=0.0.0.0: every published port is reachable from other machines");
	}

	@Test
	void reportsEveryFailureAtOnce() throws Exception {
		environment.put("FAKE_COMPOSE_VERSION", "");
		cpu("x86_64", "flags\t\t: fpu");
		asyncIoSlots(1024, 0);

		Result result = run();

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output().lines().filter(line -> line.startsWith("  FAIL  "))).hasSize(3);
		assertThat(result.output()).contains("error: 3 preflight check(s) failed; nothing was started");
	}

	@Test
	void readsThePortsDockerComposeYmlPublishes() throws Exception {
		environment.remove("CASINO_COMPOSE_FILE");

		Result result = run("--list-ports");

		assertThat(result.exitCode()).isZero();
		assertThat(result.output().lines()).containsExactlyInAnyOrderElementsOf(publishedHostPorts())
			.contains("19092 redpanda", "4566 risingwave", "5691 risingwave", "8080 console", "8000 generator", "8501 dashboard");
	}

	/**
	 * "port service" for every host port the single-node stack of docker-compose.yml publishes (`make demo` starts no
	 * other), read the way the Compose Specification describes: the cluster profile's services, with the same ports,
	 * are not checked.
	 */
	private static List<String> publishedHostPorts() {
		List<String> ports = new ArrayList<>();
		ComposeFile.project(ComposeFile.read(), ComposeFile.SINGLE_NODE).path("services").properties().forEach(service -> {
			for (var port : service.getValue().path("ports")) {
				String[] parts = port.asString().split(":");
				ports.add(parts[parts.length - 2] + " " + service.getKey());
			}
		});
		return ports;
	}

	private static void assertPasses(Result result, String... expectedLines) {
		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains(expectedLines).doesNotContain("FAIL");
	}

	private static void assertFailsOnce(Result result, String cause, String fix) {
		assertThat(result.exitCode()).isEqualTo(1);
		List<String> lines = result.output().lines().toList();
		List<String> failures = lines.stream().filter(line -> line.startsWith("  FAIL  ")).toList();
		assertThat(failures).singleElement().asString().contains(cause);
		String next = lines.get(lines.indexOf(failures.getFirst()) + 1);
		assertThat(next).startsWith("        fix: ").contains(fix);
	}

	private record Result(int exitCode, String output) {
	}

	private Result run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("preflight finished").isTrue();
		return new Result(process.exitValue(), output);
	}

	/** The machine uname -m reports and the feature line of its /proc/cpuinfo. */
	private void cpu(String machine, String features) throws IOException {
		environment.put("CASINO_UNAME_M", machine);
		Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\n" + features + "\n");
	}

	/** fs.aio-max-nr and fs.aio-nr, as the kernel shows them under /proc/sys/fs. */
	private void asyncIoSlots(int max, int inUse) throws IOException {
		Files.writeString(dir.resolve("fs/aio-max-nr"), max + "\n");
		Files.writeString(dir.resolve("fs/aio-nr"), inUse + "\n");
	}

	private static void executable(Path file, String text) throws IOException {
		Files.writeString(file, text);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
