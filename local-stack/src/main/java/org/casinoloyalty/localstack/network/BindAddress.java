package org.casinoloyalty.localstack.network;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Where local mode's Kafka and PostgreSQL listen, from {@code CASINO_BIND} (docs/decisions.md D18):
 * loopback by default; a wildcard ({@code 0.0.0.0}, {@code ::}) or one address of this machine opens
 * them to other machines. PostgreSQL keeps its loopback listener in every case, so this machine's
 * clients need no password; Kafka has one client listener, reached on {@link #clientHost()}.
 */
public final class BindAddress {

	private final String configured;
	private final InetAddress address;
	private final String advertisedHost;

	private BindAddress(String configured, InetAddress address, String advertisedHost) {
		this.configured = configured;
		this.address = address;
		this.advertisedHost = advertisedHost;
	}

	/**
	 * @param bind {@code CASINO_BIND}: an IP address or a name of this machine
	 * @param advertisedHost {@code CASINO_ADVERTISED_HOST}: the name other machines' Kafka clients
	 *        are told to connect to; blank for the bind address, or this machine's name when it is a wildcard
	 */
	public static BindAddress of(String bind, String advertisedHost) {
		InetAddress address;
		try {
			address = InetAddress.getByName(bind.strip());
		}
		catch (UnknownHostException ex) {
			throw new NetworkSettingException("CASINO_BIND=" + bind + " is not an address or a known host name",
					"Set it to 127.0.0.1 (the default), 0.0.0.0 for every interface, or one of this machine's addresses", ex);
		}
		if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && !ownedByThisMachine(address)) {
			throw new NetworkSettingException("CASINO_BIND=" + bind + " is not an address of this machine",
					"Use 127.0.0.1 (the default), 0.0.0.0 for every interface, or one of this machine's addresses (hostname -I)");
		}
		String advertised = advertisedHost == null || advertisedHost.isBlank()
				? defaultAdvertisedHost(address) : advertisedHost.strip();
		return new BindAddress(bind.strip(), address, advertised);
	}

	public static BindAddress loopback() {
		return of("127.0.0.1", "");
	}

	/** True when other machines can reach the listeners. */
	public boolean open() {
		return !address.isLoopbackAddress();
	}

	/** As the operator wrote it, for messages. */
	public String configured() {
		return configured;
	}

	/** PostgreSQL's {@code listen_addresses}: loopback always, and the bind address when it opens the port. */
	public String postgresListenAddresses() {
		if (!open()) {
			return "127.0.0.1";
		}
		return address.isAnyLocalAddress() ? "*" : "127.0.0.1," + address.getHostAddress();
	}

	/** The host of Kafka's client listener ({@code listeners}). */
	public String kafkaListenerHost() {
		return uriHost(address);
	}

	/** The host Kafka tells its clients to connect to ({@code advertised.listeners}). */
	public String kafkaAdvertisedHost() {
		return advertisedHost;
	}

	/** The host this machine's own clients connect to: the bind address, or loopback for a wildcard. */
	public String clientHost() {
		return address.isAnyLocalAddress() ? "127.0.0.1" : uriHost(address);
	}

	private static String defaultAdvertisedHost(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return "127.0.0.1";
		}
		if (address.isAnyLocalAddress()) {
			// Kafka's own default for a listener on every interface
			try {
				return InetAddress.getLocalHost().getCanonicalHostName();
			}
			catch (UnknownHostException ex) {
				throw new NetworkSettingException("CASINO_BIND=" + address.getHostAddress() + " opens Kafka on every "
						+ "interface, but this machine has no resolvable name to advertise",
						"Set CASINO_ADVERTISED_HOST to the name or address other machines use", ex);
			}
		}
		return uriHost(address);
	}

	private static String uriHost(InetAddress address) {
		return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
	}

	private static boolean ownedByThisMachine(InetAddress address) {
		try {
			return NetworkInterface.getByInetAddress(address) != null;
		}
		catch (SocketException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return configured;
	}

}
