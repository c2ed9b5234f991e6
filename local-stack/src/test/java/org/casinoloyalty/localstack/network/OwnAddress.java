package org.casinoloyalty.localstack.network;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An IPv4 address of this machine other than loopback, or the test is skipped on a machine without one. */
final class OwnAddress {

	private OwnAddress() {
	}

	static String nonLoopbackIpv4() {
		try {
			String found = NetworkInterface.networkInterfaces()
				.filter(OwnAddress::up)
				.flatMap(NetworkInterface::inetAddresses)
				.filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
						&& !address.isLinkLocalAddress())
				.map(address -> address.getHostAddress())
				.findFirst()
				.orElse(null);
			assumeTrue(found != null, "this machine has no IPv4 address besides loopback");
			return found;
		}
		catch (SocketException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean up(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp() && !networkInterface.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
