package org.casinoloyalty.dashboard.staff;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code make password-hash}: prints the BCrypt hash of a password for the staff accounts'
 * environment variables, with the encoder the dashboard checks sign-ins with. The password is read
 * without echo from the terminal (twice), or as one line from standard input in a script; it never
 * appears in the shell history or the process list.
 */
public final class PasswordHashCommand {

	static final int MINIMUM_LENGTH = 12;

	private PasswordHashCommand() {
	}

	public static void main(String[] args) throws IOException {
		char[] password = read();
		if (password == null || password.length < MINIMUM_LENGTH) {
			System.err.println("error: a staff password needs at least " + MINIMUM_LENGTH + " characters; nothing printed");
			System.exit(2);
		}
		System.out.println(new BCryptPasswordEncoder().encode(new String(password)));
	}

	private static char[] read() throws IOException {
		Console console = System.console();
		if (console == null) {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return line == null ? null : line.toCharArray();
		}
		char[] first = console.readPassword("New staff password (at least %d characters): ", MINIMUM_LENGTH);
		char[] again = console.readPassword("The same again: ");
		if (first == null || !Arrays.equals(first, again)) {
			System.err.println("error: the two entries differ; nothing printed");
			System.exit(2);
		}
		return first;
	}

}
