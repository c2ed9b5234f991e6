package org.casinoloyalty.dashboard.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * The staff who may sign in. Passwords are stored as BCrypt hashes only ({@code make password-hash}
 * makes one); the shipped accounts are the demo's and are meant to be replaced through the
 * environment variables named in {@code application.yml}.
 * @param accounts every account, usernames distinct
 * @param demoPasswordHashes the hashes the demo ships, so the dashboard can warn while they are in use
 */
@Validated
@ConfigurationProperties("casino.dashboard.staff")
public record StaffProperties(@NotEmpty List<@Valid Account> accounts, List<String> demoPasswordHashes) {

	public StaffProperties {
		accounts = List.copyOf(accounts == null ? List.of() : accounts);
		demoPasswordHashes = List.copyOf(demoPasswordHashes == null ? List.of() : demoPasswordHashes);
		long distinct = accounts.stream().map(Account::username).distinct().count();
		if (distinct != accounts.size()) {
			throw new IllegalArgumentException("casino.dashboard.staff.accounts: two accounts share a username");
		}
	}

	/** The accounts still signing in with a password the demo published. */
	public List<Account> demoAccountsInUse() {
		return accounts.stream().filter(account -> demoPasswordHashes.contains(account.passwordHash())).toList();
	}

	/**
	 * @param username what the person types to sign in
	 * @param passwordHash a BCrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$})
	 */
	public record Account(@NotBlank @Size(max = 100) String username,
			@NotNull @Pattern(regexp = "\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}",
					message = "must be a BCrypt hash such as $2a$10$... (make password-hash prints one)") String passwordHash,
			@NotNull StaffRole role) {
	}

}
