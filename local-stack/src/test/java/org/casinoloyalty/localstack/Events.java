package org.casinoloyalty.localstack;

/** Record values as the generator writes them (design §2), for tests and the benchmark. */
public final class Events {

	private Events() {
	}

	public static String bet(long id, long member, String name, String amount, String game, String time) {
		return play(id, member, name, "bet", amount, game, time);
	}

	public static String win(long id, long member, String name, String amount, String game, String time) {
		return play(id, member, name, "win", amount, game, time);
	}

	public static String play(long id, long member, String name, String type, String amount, String game, String time) {
		return """
				{"transaction_id":%d,"member_id":%d,"member_name":"%s","transaction_type":"%s","amount":%s,\
				"game_type":"%s","transaction_time":"%s"}""".formatted(id, member, name, type, amount, game, time);
	}

	public static String heartbeat(String time) {
		return """
				{"transaction_id":null,"member_id":null,"member_name":null,"transaction_type":"heartbeat","amount":null,\
				"game_type":null,"transaction_time":"%s"}""".formatted(time);
	}

}
