package org.casinoloyalty.stacktests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/local-mode.sh on a scratch state directory (CASINO_LOCAL_STATE) with stand-in processes: a
 * pid file that points at another program after a reboot, and the PostgreSQL a killed local-stack left
 * behind (issue 13, points 1 and 2). No service is built or started.
 */
class LocalModeScriptTest {

	private static final Path SCRIPT = ComposeFile.REPOSITORY_ROOT.resolve("scripts/local-mode.sh");

	@TempDir
	Path state;

	private final List<Process> standIns = new ArrayList<>();

	@AfterEach
	void stopStandIns() {
		standIns.forEach(Process::destroyForcibly);
	}

	@Test
	void aPidFileOfAnotherProgramIsNeitherSignalledNorTakenForTheService() throws Exception {
		Process unrelated = standIn("sleep", "300");
		pidFile("generator", unrelated.pid());

		assertThat(run("status")).contains("generator    stopped");
		String stop = run("stop");

		assertThat(stop).contains("Forgetting the pid file of generator: pid " + unrelated.pid() + " no longer runs generator")
			.doesNotContain("Stopping generator");
		assertThat(unrelated.isAlive()).as("the other program keeps running").isTrue();
		assertThat(state.resolve("pids/generator.pid")).doesNotExist();
	}

	@Test
	void thePostgresqlOfAKilledLocalStackIsFoundByItsDataDirectoryAndStopped() throws Exception {
		Path data = Files.createDirectories(state.resolve("data/postgres"));
		Process postgres = standIn("bash", "-c", "exec -a 'postgres -D " + data + " -p 4566' sleep 300");
		Files.writeString(data.resolve("postmaster.pid"), postgres.pid() + "\n" + data + "\n1796302086\n4566\n");

		String stop = run("stop");

		assertThat(stop).contains("Stopping PostgreSQL left behind by local-stack (pid " + postgres.pid() + ")");
		assertThat(postgres.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
	}

	@Test
	void aPostmasterPidFileThatPointsAtAnotherProgramLeavesItAlone() throws Exception {
		Path data = Files.createDirectories(state.resolve("data/postgres"));
		Process unrelated = standIn("sleep", "300");
		Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n");

		assertThat(run("stop")).doesNotContain("Stopping PostgreSQL");
		assertThat(unrelated.isAlive()).isTrue();
	}

	private Process standIn(String... command) throws IOException {
		Process process = new ProcessBuilder(command).start();
		standIns.add(process);
		return process;
	}

	private void pidFile(String service, long pid) throws IOException {
		Files.writeString(Files.createDirectories(state.resolve("pids")).resolve(service + ".pid"), pid + "\n");
	}

	private String run(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("CASINO_LOCAL_STATE", state.toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("local-mode.sh finished").isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
