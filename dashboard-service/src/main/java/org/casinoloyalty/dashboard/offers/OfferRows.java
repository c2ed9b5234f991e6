package org.casinoloyalty.dashboard.offers;

import org.casinoloyalty.dashboard.rules.OfferType;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery.Sort;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Offers and members on track, a page at a time, each offer with its status ({@link OfferRepository}). */
@Service
public class OfferRows {

	private final OfferRepository repository;

	OfferRows(OfferRepository repository) {
		this.repository = repository;
	}

	/** The offers of one window; {@code sort} null: highest amount first. */
	public List<OfferBoard.Line> window(OfferType type, LocalDateTime windowStart, LocalDate businessDate,
			MemberSearch search, Sort sort, int offset, int limit) {
		return repository.window(type, windowStart, businessDate, search, sort, offset, limit);
	}

	/**
	 * Offers awaiting redemption of windows starting at or after {@code since}, of one type or ({@code type}
	 * null) both, of windows starting on {@code day} unless null; {@code sort} null: newest window first.
	 */
	public List<OfferBoard.Line> pending(OfferType type, LocalDateTime since, LocalDate day, LocalDate businessDate,
			MemberSearch search, Sort sort, int offset, int limit) {
		return repository.pending(type, since, day, businessDate, search, sort, offset, limit);
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
