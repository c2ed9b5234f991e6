package org.casinoloyalty.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import org.casinoloyalty.dashboard.sql.MemberSearch;
import org.casinoloyalty.dashboard.sql.PagedQuery;
import org.casinoloyalty.dashboard.sql.PagedQuery.Sort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * A grid's rows, a page at a time, so a session never holds more than the rows in view. Before anyone
 * scrolls past them, sorts or searches, the rows are the first rows of the shared snapshot, and each
 * refresh shows the new ones without a statement of this session; past them, sorted or searched, the
 * rows are read from the engine, sorted there, when the person asks for them, and stay as they were
 * read until the person scrolls, sorts or searches again.
 *
 * @param <T> one row
 */
public final class PagedRows<T> {

	/** Rows of one paged query: for a search, in an order (null: the query's default), from an offset. */
	@FunctionalInterface
	public interface Source<T> {

		List<T> read(MemberSearch search, Sort sort, int offset, int limit);

	}

	/** What a person has asked the grid for, to read the same rows again elsewhere (a CSV download). */
	public record Request(MemberSearch search, Sort sort) {
	}

	private static final int PAGE = 50;

	private final Grid<T> grid;

	private final Source<T> engine;

	private List<T> first = List.of();

	/** Whether {@link #first} is what the shared snapshot holds for this grid; false: every row from the engine. */
	private boolean shared;

	private MemberSearch search = MemberSearch.EVERYONE;

	/**
	 * Rows from the engine until {@link #show} gives the snapshot's. Sortable columns sort by their key,
	 * which must be one of the paged query's orders.
	 */
	public PagedRows(Grid<T> grid, Source<T> engine) {
		this.grid = grid;
		this.engine = engine;
		grid.setPageSize(PAGE);
		grid.setItems(this::fetch);
		grid.getColumns().stream().filter(Grid.Column::isSortable).forEach(column -> column.setSortProperty(column.getKey()));
	}

	/** The first rows of the new snapshot; shown at once unless the person sorted or searched. */
	public void show(List<T> firstRows) {
		boolean wasShared = shared;
		first = List.copyOf(firstRows);
		shared = true;
		if (!wasShared || grid.getSortOrder().isEmpty() && search.everyone()) {
			grid.getDataProvider().refreshAll();
		}
	}

	/** Rows the snapshot does not hold (another window, a filter): from now on every row comes from the engine. */
	public void unshared() {
		shared = false;
		first = List.of();
		grid.getDataProvider().refreshAll();
	}

	public void search(String text) {
		search = new MemberSearch(text);
		grid.getDataProvider().refreshAll();
	}

	public Request request() {
		return new Request(search, sortOf(grid.getSortOrder().stream()
			.flatMap(order -> order.getSorted().getSortOrder(order.getDirection()))
			.toList()));
	}

	/** Every row of {@code request}, read from the engine {@link PagedQuery#MAX_ROWS} at a time as they are iterated. */
	public Iterable<T> all(Request request) {
		return () -> new Iterator<>() {

			private List<T> page = List.of();

			private int index;

			private int offset;

			private boolean last;

			@Override
			public boolean hasNext() {
				if (index == page.size() && !last) {
					page = engine.read(request.search(), request.sort(), offset, PagedQuery.MAX_ROWS);
					offset += page.size();
					index = 0;
					last = page.size() < PagedQuery.MAX_ROWS;
				}
				return index < page.size();
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return page.get(index++);
			}

		};
	}

	private Stream<T> fetch(Query<T, Void> query) {
		Sort sort = sortOf(query.getSortOrders());
		int offset = query.getOffset();
		int limit = query.getLimit();
		boolean firstComplete = first.size() < PagedQuery.FIRST_ROWS;
		if (shared && sort == null && search.everyone() && (firstComplete || offset + limit <= first.size())) {
			return first.stream().skip(offset).limit(limit);
		}
		List<T> rows = new ArrayList<>();
		while (rows.size() < limit) {
			int wanted = Math.min(limit - rows.size(), PagedQuery.MAX_ROWS);
			List<T> page = engine.read(search, sort, offset + rows.size(), wanted);
			rows.addAll(page);
			if (page.size() < wanted) {
				break;
			}
		}
		return rows.stream();
	}

	private static Sort sortOf(List<QuerySortOrder> orders) {
		return orders.isEmpty() ? null
				: new Sort(orders.getFirst().getSorted(), orders.getFirst().getDirection() == SortDirection.DESCENDING);
	}

}
