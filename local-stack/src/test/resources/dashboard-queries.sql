-- The queries the dashboard sends to the SQL engine, as the benchmark (make bench-local) and
-- DashboardQueryPlanTest (no full-table scans) run them. The one list to align with
-- dashboard-service's SQL when it changes. Each query starts with a "-- name:" line and ends with
-- a semicolon; grids page (Vaadin grids load lazily). Named parameters (:day, :day_start, :offer_type, :member_id) are bound by
-- DashboardQueries from the data present.

-- name: hotel offers, latest closed window
SELECT * FROM hotel_room_offers
WHERE window_end = (SELECT max(window_end) FROM member_daily_summary)
ORDER BY total_spend DESC;

-- name: drink offers, latest closed window
SELECT * FROM drink_offers
WHERE window_end = (SELECT max(window_end) FROM member_daily_summary)
ORDER BY loss_amount DESC;

-- name: hotel offers, earlier windows of the day, first page
SELECT * FROM hotel_room_offers
WHERE window_start >= :day_start AND window_start < :day_start + INTERVAL '1 day'
ORDER BY window_start DESC, total_spend DESC
LIMIT 200;

-- name: drink offers, earlier windows of the day, first page
SELECT * FROM drink_offers
WHERE window_start >= :day_start AND window_start < :day_start + INTERVAL '1 day'
ORDER BY window_start DESC, loss_amount DESC
LIMIT 200;

-- name: hotel offers, whole day (count)
SELECT count(*) FROM hotel_room_offers
WHERE window_start >= :day_start AND window_start < :day_start + INTERVAL '1 day';

-- name: closed windows, latest
SELECT * FROM member_daily_summary
WHERE window_end = (SELECT max(window_end) FROM member_daily_summary)
ORDER BY total_spend DESC;

-- name: live windows (on track to qualify)
SELECT * FROM member_window_live
WHERE window_start = (SELECT max(window_start) FROM member_window_live)
ORDER BY total_spend DESC;

-- name: game stats
SELECT * FROM game_stats ORDER BY house_edge DESC;

-- name: leaderboard, top 10
SELECT * FROM member_leaderboard ORDER BY lifetime_spend DESC LIMIT 10;

-- name: offer rules
SELECT * FROM offer_rules;

-- name: redeemed offers by date and type
SELECT * FROM redeemed_offers
WHERE redemption_date = :day AND offer_type = :offer_type
ORDER BY redeemed_at DESC;

-- name: redemption read-back
SELECT * FROM redeemed_offers
WHERE member_id = :member_id AND offer_type = :offer_type AND redemption_date = :day;
