package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.live.Watermark;
import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.casinoloyalty.dashboard.sql.PagedQuery.Sort;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Offers and members on track, a page at a time, each offer with its status ({@link OfferRepository}), and
 * the offers' counts per window.
 *
 * <p>A closed window's offers never change under one rule: no event reaches a closed window (design §4), and
 * the views filter on the threshold. So each window's count is read once per threshold and kept; only the
 * redemptions, which are few, are counted again at every refresh. The pending list pages window by window,
 * newest first, with those counts, so a page reads one or two windows, not the whole history; a search
 * there reads the windows in turn as well, each for the members it finds.
 */
@Service
public class OfferRows {

	/** The pending list's order within a window: highest amount first, then by type and member, as each type's statement. */
	private static final Comparator<OfferBoard.Line> PENDING_ORDER = Comparator
		.comparing((OfferBoard.Line line) -> line.offer().qualifyingAmount(), Comparator.reverseOrder())
		.thenComparing(line -> line.offer().type().key())
		.thenComparing(line -> line.offer().memberId());

	private final OfferRepository repository;

	/** Offers per closed window under a threshold; windows that leave the history are dropped. */
	private final Map<WindowKey, Long> offersPerWindow = new ConcurrentHashMap<>();

	private record WindowKey(OfferType type, LocalDateTime windowStart, BigDecimal threshold) {
	}

	OfferRows(OfferRepository repository) {
		this.repository = repository;
	}

	/**
	 * Forgets every window's count, for an engine whose views were rebuilt under the same window times: a
	 * test's fresh database. (A rebuilt RisingWave's windows older than its topic's start would otherwise keep
	 * their counts until they leave the history.)
	 */
	public void forgetCounts() {
		offersPerWindow.clear();
	}

	/** The offers of one window; {@code sort} null: highest amount first. */
	public List<OfferBoard.Line> window(OfferType type, LocalDateTime windowStart, LocalDate businessDate,
			MemberSearch search, Sort sort, int offset, int limit) {
		return repository.window(type, windowStart, businessDate, search, sort, offset, limit);
	}

	/**
	 * Offers, redeemed and pending of every closed window starting at or after {@code since} and ending by
	 * {@code lastClosedEnd}, newest first, windows without an offer left out.
	 */
	public List<WindowCount> windowCounts(OfferType type, BigDecimal threshold, LocalDateTime since,
			LocalDateTime lastClosedEnd, LocalDate businessDate) {
		offersPerWindow.keySet()
			.removeIf(key -> key.type() == type
					&& (key.windowStart().isBefore(since) || key.threshold().compareTo(threshold) != 0));
		Map<LocalDateTime, Long> redeemed = repository.redeemedPerWindow(type, since);
		Map<LocalDateTime, Long> limited = repository.limitedPerWindow(type, since, businessDate);
		List<WindowCount> windows = new ArrayList<>();
		for (LocalDateTime start = lastClosedEnd.minus(Watermark.WINDOW); !start.isBefore(since);
				start = start.minus(Watermark.WINDOW)) {
			LocalDateTime windowStart = start;
			long offers = offersPerWindow.computeIfAbsent(new WindowKey(type, windowStart, threshold),
					key -> repository.offerCount(type, windowStart));
			if (offers > 0) {
				long done = redeemed.getOrDefault(windowStart, 0L);
				windows.add(new WindowCount(windowStart, windowStart.plus(Watermark.WINDOW), offers, done,
						Math.max(0, offers - done - limited.getOrDefault(windowStart, 0L))));
			}
		}
		return windows;
	}

	/**
	 * Offers awaiting redemption, newest window first, highest amount first within a window: of one type or
	 * ({@code type} null) both, of windows starting on {@code day} unless null, window by window through
	 * {@code boards}' windows of the last snapshot, so a page reads the windows it shows. For everyone the
	 * boards' counts skip the windows before {@code offset}; a search's counts are unknown, so the windows
	 * before it are read up to what they hold, which are few rows: those of the members found.
	 */
	public List<OfferBoard.Line> pending(OfferBoards boards, LocalDateTime since, OfferType type, LocalDate day,
			LocalDate businessDate, MemberSearch search, int offset, int limit) {
		Map<LocalDateTime, Long> pendingPerWindow = new TreeMap<>(Comparator.reverseOrder());
		for (OfferType each : OfferType.values()) {
			if (type == null || type == each) {
				boards.board(each).windows()
					.stream()
					.filter(window -> !window.windowStart().isBefore(since))
					.filter(window -> day == null || window.windowStart().toLocalDate().equals(day))
					.forEach(window -> pendingPerWindow.merge(window.windowStart(), window.pending(), Long::sum));
			}
		}
		List<OfferBoard.Line> lines = new ArrayList<>();
		long skip = offset;
		for (var window : pendingPerWindow.entrySet()) {
			if (lines.size() >= limit) {
				break;
			}
			if (window.getValue() == 0) {
				continue;
			}
			if (search.everyone() && skip >= window.getValue()) {
				skip -= window.getValue();
				continue;
			}
			// a search's rows are read from the window's first, as its counts are unknown; everyone's are skipped on the engine
			long passed = search.everyone() ? skip : 0;
			List<OfferBoard.Line> rows = pendingRows(type, window.getKey(), businessDate, search, passed,
					skip - passed + limit - lines.size());
			int skipped = (int) Math.min(skip - passed, rows.size());
			lines.addAll(rows.subList(skipped, rows.size()));
			skip -= passed + skipped;
		}
		return lines;
	}

	/**
	 * Rows {@code from} to {@code from + rows - 1} of one window's pending offers in the list's order: of one
	 * type, read {@link PagedQuery#MAX_ROWS} at most at a time, or ({@code type} null) of both, merged here from the
	 * first rows of each.
	 */
	private List<OfferBoard.Line> pendingRows(OfferType type, LocalDateTime windowStart, LocalDate businessDate,
			MemberSearch search, long from, long rows) {
		if (type == null) {
			return Stream.of(OfferType.values())
				.flatMap(each -> pendingRows(each, windowStart, businessDate, search, 0, from + rows).stream())
				.sorted(PENDING_ORDER)
				.skip(from)
				.limit(rows)
				.toList();
		}
		List<OfferBoard.Line> lines = new ArrayList<>();
		while (lines.size() < rows) {
			int wanted = (int) Math.min(PagedQuery.MAX_ROWS, rows - lines.size());
			List<OfferBoard.Line> page = repository.windowPending(type, windowStart, businessDate, search,
					Math.toIntExact(from + lines.size()), wanted);
			lines.addAll(page);
			if (page.size() < wanted) {
				break;
			}
		}
		return lines;
	}

	/** The members of the open window against the rule's threshold; {@code sort} null: nearest to it first. */
	public List<OfferBoard.Progress> onTrack(OfferType type, LocalDateTime windowStart, BigDecimal threshold,
			MemberSearch search, Sort sort, int offset, int limit) {
		return repository.onTrack(type, windowStart, search, sort, offset, limit)
			.stream()
			.map(member -> OfferBoard.Progress.of(member, threshold))
			.toList();
	}

}
