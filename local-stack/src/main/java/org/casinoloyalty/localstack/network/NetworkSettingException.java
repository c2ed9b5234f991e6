package org.casinoloyalty.localstack.network;

/** A network setting local-stack refuses to start with: what is wrong, and what to set instead. */
public class NetworkSettingException extends IllegalArgumentException {

	private final String description;

	private final String action;

	public NetworkSettingException(String description, String action) {
		this(description, action, null);
	}

	public NetworkSettingException(String description, String action, Throwable cause) {
		super(description + ": " + action, cause);
		this.description = description;
		this.action = action;
	}

	String description() {
		return description;
	}

	String action() {
		return action;
	}

}
