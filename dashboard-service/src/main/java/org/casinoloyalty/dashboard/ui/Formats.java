package org.casinoloyalty.dashboard.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How money, percentages and (UTC) times read on screen, the same on every tab. */
public final class Formats {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH);

	private Formats() {
	}

	public static String money(BigDecimal amount) {
		if (amount == null) {
			return "–";
		}
		return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
	}

	/** Whole dollars unless there are cents, for thresholds. */
	public static String dollars(BigDecimal amount) {
		if (amount == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		if (amount.stripTrailingZeros().scale() <= 0) {
			format.setMaximumFractionDigits(0);
		}
		return format.format(amount);
	}

	public static String percent(BigDecimal fraction) {
		if (fraction == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getPercentInstance(Locale.US);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(fraction);
	}

	public static String count(long value) {
		return NumberFormat.getIntegerInstance(Locale.US).format(value);
	}

	public static String time(LocalDateTime utc) {
		return utc == null ? "–" : TIME.format(utc);
	}

	public static String time(Instant instant) {
		return instant == null ? "–" : TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	public static String dateTime(LocalDateTime utc) {
		return utc == null ? "–" : DATE_TIME.format(utc);
	}

	public static String day(LocalDate date) {
		return date == null ? "–" : DAY.format(date);
	}

	/** "Wed 25 Nov 2026, 21:35–21:40 UTC". */
	public static String window(LocalDateTime start, LocalDateTime end) {
		return DAY.format(start) + ", " + MINUTE.format(start) + "–" + MINUTE.format(end) + " UTC";
	}

	/** "25 Nov 21:35–21:40 UTC", for grid columns. */
	public static String shortWindow(LocalDateTime start, LocalDateTime end) {
		return SHORT_DAY.format(start) + " " + MINUTE.format(start) + "–" + MINUTE.format(end) + " UTC";
	}

}
