package org.casinoloyalty.e2e;

/** The end of a test class that started applications, a browser and the like. */
public final class Shutdown {

	private Shutdown() {
	}

	/** Closes each of {@code started} in the order given; a null is what a failed start never made. */
	public static void inOrder(AutoCloseable... started) throws Exception {
		for (AutoCloseable resource : started) {
			if (resource != null) {
				resource.close();
			}
		}
	}

}
