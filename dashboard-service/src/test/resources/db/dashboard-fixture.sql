-- The relations of design §5 that the dashboard reads, as plain PostgreSQL tables, so a test can put
-- exactly the rows it needs into each view. Names and columns (in order) as in risingwave/setup_risingwave.sql.
-- redeemed_offers keeps a plain primary key: a duplicate insert raises 23505 here (the dashboard must
-- treat that as "not won"), while RisingWave and local-stack drop it silently.

DROP TABLE IF EXISTS member_daily_summary, member_window_live, hotel_room_offers, drink_offers, game_stats,
    member_leaderboard, offer_rules, redeemed_offers, staff_actions;

CREATE TABLE member_daily_summary (
    member_id BIGINT, member_name VARCHAR, total_spend NUMERIC, total_winnings NUMERIC, net_amount NUMERIC,
    transaction_count BIGINT, last_transaction TIMESTAMP, window_start TIMESTAMP, window_end TIMESTAMP);

CREATE TABLE member_window_live (
    member_id BIGINT, member_name VARCHAR, total_spend NUMERIC, total_winnings NUMERIC, net_amount NUMERIC,
    transaction_count BIGINT, last_transaction TIMESTAMP, window_start TIMESTAMP, window_end TIMESTAMP);

CREATE TABLE hotel_room_offers (
    member_id BIGINT, member_name VARCHAR, total_spend NUMERIC, transaction_count BIGINT, net_amount NUMERIC,
    last_transaction TIMESTAMP, window_start TIMESTAMP, window_end TIMESTAMP, reward_type VARCHAR);

CREATE TABLE drink_offers (
    member_id BIGINT, member_name VARCHAR, total_spend NUMERIC, transaction_count BIGINT, net_amount NUMERIC,
    loss_amount NUMERIC, last_transaction TIMESTAMP, window_start TIMESTAMP, window_end TIMESTAMP, reward_type VARCHAR);

CREATE TABLE game_stats (
    game_type VARCHAR, bet_count BIGINT, total_wagered NUMERIC, total_paid_out NUMERIC, house_net NUMERIC,
    house_edge NUMERIC);

CREATE TABLE member_leaderboard (
    member_id BIGINT, member_name VARCHAR, lifetime_spend NUMERIC, lifetime_winnings NUMERIC, lifetime_net NUMERIC,
    lifetime_transactions BIGINT, last_seen TIMESTAMP);

CREATE TABLE offer_rules (offer_type VARCHAR PRIMARY KEY, threshold NUMERIC, updated_at TIMESTAMP);

INSERT INTO offer_rules (offer_type, threshold, updated_at) VALUES ('hotel', 5000, NULL), ('drink', 1000, NULL);

CREATE TABLE redeemed_offers (
    member_id       BIGINT    NOT NULL,
    member_name     VARCHAR   NOT NULL,
    offer_type      VARCHAR   NOT NULL,
    redemption_date DATE      NOT NULL,
    window_start    TIMESTAMP NOT NULL,
    window_end      TIMESTAMP NOT NULL,
    redeemed_at     TIMESTAMP NOT NULL,
    redeemed_by     VARCHAR   NOT NULL,
    PRIMARY KEY (member_id, offer_type, redemption_date));

CREATE TABLE staff_actions (
    acted_at     TIMESTAMP NOT NULL,
    staff_user   VARCHAR   NOT NULL,
    staff_role   VARCHAR,
    action       VARCHAR   NOT NULL,
    target       VARCHAR   NOT NULL,
    value_before VARCHAR,
    value_after  VARCHAR);
