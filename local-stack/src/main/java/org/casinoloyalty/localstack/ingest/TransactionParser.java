package org.casinoloyalty.localstack.ingest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a record value into a {@link Transaction} or rejects it with a reason. Accepts what
 * RisingWave's JSON decoder accepts for the source's column types (numbers or numeric strings,
 * a civil timestamp with a space or {@code T}), and rejects what RisingWave would silently turn
 * into NULL and then drop or miscount: bad JSON, a missing or malformed field, a timestamp with
 * {@code Z} or an offset, an unknown transaction type. One thing RisingWave takes is refused on
 * purpose: a time further ahead of this machine's clock than the allowed skew, which would move the
 * watermark past every real event (D21).
 */
class TransactionParser {

	private static final Set<String> TYPES = Set.of(Transaction.BET, Transaction.WIN, Transaction.HEARTBEAT);

	private static final Pattern CIVIL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

	/** RisingWave's DECIMAL holds 28 digits; a larger amount would also overflow our sums. */
	private static final int MAX_DECIMAL_DIGITS = 28;

	private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private final Clock clock;

	private final Duration maxFutureSkew;

	TransactionParser(Clock clock, Duration maxFutureSkew) {
		this.clock = clock;
		this.maxFutureSkew = maxFutureSkew;
	}

	Transaction parse(byte[] value) {
		if (value == null || value.length == 0) {
			throw new RejectedRecordException("empty record value");
		}
		JsonNode event;
		try {
			event = json.readTree(value);
		}
		catch (JacksonException ex) {
			throw new RejectedRecordException("not valid JSON: " + ex.getOriginalMessage());
		}
		if (event == null || !event.isObject()) {
			throw new RejectedRecordException("not a JSON object");
		}
		String type = string(event, "transaction_type");
		if (type == null) {
			throw new RejectedRecordException("transaction_type is missing");
		}
		if (!TYPES.contains(type)) {
			throw new RejectedRecordException("transaction_type " + quote(type) + " is not bet, win or heartbeat");
		}
		LocalDateTime time = time(event);
		LocalDateTime latest = LocalDateTime.now(clock).plus(maxFutureSkew);
		if (time.isAfter(latest)) {
			throw new RejectedRecordException("transaction_time " + time + " is more than "
					+ shortly(maxFutureSkew) + " ahead of this machine's clock (" + LocalDateTime.now(clock)
					+ " UTC): it would close every window up to then and make all later events late"
					+ " (casino.local-stack.ingest.max-future-skew)");
		}
		boolean counted = !Transaction.HEARTBEAT.equals(type);
		Transaction transaction = new Transaction(integer(event, "transaction_id"), integer(event, "member_id"),
				string(event, "member_name"), type, amount(event), string(event, "game_type"), time);
		if (counted) {
			requirePresent(transaction.transactionId(), "transaction_id", type);
			requirePresent(transaction.memberId(), "member_id", type);
			requirePresent(transaction.memberName(), "member_name", type);
			requirePresent(transaction.amount(), "amount", type);
			requirePresent(transaction.gameType(), "game_type", type);
			if (transaction.amount().signum() <= 0) {
				throw new RejectedRecordException("amount " + transaction.amount().toPlainString() + " of a " + type
						+ " is not greater than 0");
			}
		}
		return transaction;
	}

	private static LocalDateTime time(JsonNode event) {
		String text = string(event, "transaction_time");
		if (text == null) {
			throw new RejectedRecordException("transaction_time is missing");
		}
		if (!CIVIL_TIME.matcher(text).matches()) {
			throw new RejectedRecordException("transaction_time " + quote(text)
					+ " is not 'yyyy-MM-dd HH:mm:ss.SSS' (UTC, without Z or an offset)");
		}
		try {
			LocalDateTime time = LocalDateTime.parse(text.replace(' ', 'T')).truncatedTo(ChronoUnit.MICROS);
			// year 0 parses in Java but PostgreSQL has none; the row would fail its batch for ever
			if (time.getYear() >= 1) {
				return time;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw new RejectedRecordException("transaction_time " + quote(text) + " is not a valid date and time");
	}

	private static void requirePresent(Object value, String field, String type) {
		if (value == null) {
			throw new RejectedRecordException(field + " is missing (required in a " + type + " record)");
		}
	}

	private static String string(JsonNode event, String field) {
		JsonNode node = event.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.asString().isBlank()) {
			throw new RejectedRecordException(field + " must be a non-empty string, got " + quote(node.toString()));
		}
		if (node.asString().indexOf('\0') >= 0) {
			throw new RejectedRecordException(field + " contains a NUL character, which PostgreSQL text cannot hold");
		}
		return node.asString();
	}

	private static Long integer(JsonNode event, String field) {
		JsonNode node = event.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString() && INTEGER.matcher(node.asString()).matches()) {
			return Long.valueOf(node.asString());
		}
		throw new RejectedRecordException(field + " must be an integer, got " + quote(node.toString()));
	}

	private static BigDecimal amount(JsonNode event) {
		JsonNode node = event.get("amount");
		if (node == null || node.isNull()) {
			return null;
		}
		BigDecimal amount = null;
		if (node.isNumber()) {
			amount = node.decimalValue();
		}
		else if (node.isString()) {
			try {
				amount = new BigDecimal(node.asString());
			}
			catch (NumberFormatException ex) {
				// reported below with the value
			}
		}
		if (amount == null) {
			throw new RejectedRecordException("amount must be a number, got " + quote(node.toString()));
		}
		if (amount.precision() - amount.scale() > MAX_DECIMAL_DIGITS || amount.scale() > MAX_DECIMAL_DIGITS) {
			throw new RejectedRecordException("amount " + quote(node.toString()) + " is outside RisingWave's DECIMAL range");
		}
		return amount;
	}

	/** 5m, 30s or 1500ms, as the property is written. */
	private static String shortly(Duration duration) {
		if (duration.toMillis() % 60_000 == 0) {
			return duration.toMinutes() + "m";
		}
		return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	private static String quote(String value) {
		return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
	}

}
