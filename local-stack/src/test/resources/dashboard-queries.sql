-- The queries the dashboard sends to the SQL engine, as the benchmark (make bench-local) and
-- DashboardQueryPlanTest (no full-table scans) run them: the one list to keep aligned with
-- dashboard-service's repositories (copied from branch work/dash, 2026-11-25: OfferRepository,
-- OfferRuleRepository, RedemptionRepository, MemberActivityRepository, AnalyticsRepository; one
-- dashboard refresh sends the first eight). Each query starts with a "-- name:" line and ends with a
-- semicolon. DashboardQueries binds the named parameters from the data present, with the
-- dashboard's defaults: :since = latest event - 2 h (casino.dashboard.live.history), :limit = 500
-- (member-window-rows), :since_date = business date - 6 days (redemption.history-days 7).

-- name: watermark (last closed window, latest event)
SELECT (SELECT max(window_end) FROM member_daily_summary) AS last_closed_window_end,
       (SELECT max(last_transaction) FROM member_window_live) AS latest_event;

-- name: offer rules
SELECT offer_type, threshold, updated_at FROM offer_rules;

-- name: hotel offers since
SELECT member_id, member_name, total_spend, net_amount, total_spend AS qualifying_amount, transaction_count,
       last_transaction, window_start, window_end
FROM hotel_room_offers
WHERE window_start >= :since
ORDER BY window_start DESC, total_spend DESC, member_id;

-- name: drink offers since
SELECT member_id, member_name, total_spend, net_amount, loss_amount AS qualifying_amount, transaction_count,
       last_transaction, window_start, window_end
FROM drink_offers
WHERE window_start >= :since
ORDER BY window_start DESC, loss_amount DESC, member_id;

-- name: redemptions since
SELECT member_id, member_name, offer_type, redemption_date, window_start, window_end, redeemed_at, redeemed_by
FROM redeemed_offers WHERE redemption_date >= :since_date ORDER BY redeemed_at DESC;

-- name: recent windows (live and closed)
SELECT l.member_id, l.member_name, l.total_spend, l.total_winnings, l.net_amount, l.transaction_count,
       l.last_transaction, l.window_start, l.window_end,
       COALESCE(l.window_end <= (SELECT max(window_end) FROM member_daily_summary), false) AS closed
FROM member_window_live l
WHERE l.window_start >= :since
ORDER BY l.window_start DESC, l.total_spend DESC, l.member_id
LIMIT :limit;

-- name: leaderboard
SELECT member_id, member_name, lifetime_spend, lifetime_winnings, lifetime_net, lifetime_transactions, last_seen
FROM member_leaderboard
ORDER BY lifetime_spend DESC, member_id;

-- name: game stats
SELECT game_type, bet_count, total_wagered, total_paid_out, house_net, house_edge
FROM game_stats
ORDER BY house_edge DESC NULLS LAST, game_type;

-- name: redemption read-back
SELECT member_id, member_name, offer_type, redemption_date, window_start, window_end, redeemed_at, redeemed_by
FROM redeemed_offers WHERE member_id = :member_id AND offer_type = :offer_type AND redemption_date = :day;
