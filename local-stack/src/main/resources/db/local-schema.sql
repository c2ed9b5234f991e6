-- The relations of design §5 on PostgreSQL, standing in for risingwave/setup_risingwave.sql.
-- Walking-skeleton version: plain views over the stored events, with the RisingWave watermark
-- (max event time - 10 s) and the 5-minute tumbling windows aligned to the epoch.

CREATE TABLE IF NOT EXISTS gaming_transactions (
    transaction_id   BIGINT,
    member_id        BIGINT,
    member_name      VARCHAR,
    transaction_type VARCHAR,
    amount           NUMERIC,
    game_type        VARCHAR,
    transaction_time TIMESTAMP
);

CREATE TABLE IF NOT EXISTS offer_rules (
    offer_type VARCHAR PRIMARY KEY,
    threshold  NUMERIC NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

INSERT INTO offer_rules (offer_type, threshold, updated_at)
VALUES ('hotel', 5000, now() AT TIME ZONE 'UTC'), ('drink', 1000, now() AT TIME ZONE 'UTC')
ON CONFLICT (offer_type) DO NOTHING;

CREATE TABLE IF NOT EXISTS redeemed_offers (
    member_id       BIGINT    NOT NULL,
    member_name     VARCHAR   NOT NULL,
    offer_type      VARCHAR   NOT NULL,
    redemption_date DATE      NOT NULL,
    window_start    TIMESTAMP,
    window_end      TIMESTAMP,
    redeemed_at     TIMESTAMP NOT NULL,
    redeemed_by     VARCHAR,
    PRIMARY KEY (member_id, offer_type, redemption_date)
);

CREATE OR REPLACE VIEW member_window_live AS
SELECT member_id,
       member_name,
       SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS total_spend,
       SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS total_winnings,
       SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE -amount END) AS net_amount,
       COUNT(*) AS transaction_count,
       MAX(transaction_time) AS last_transaction,
       date_bin(INTERVAL '5 minutes', transaction_time, TIMESTAMP '1970-01-01') AS window_start,
       date_bin(INTERVAL '5 minutes', transaction_time, TIMESTAMP '1970-01-01') + INTERVAL '5 minutes' AS window_end
FROM gaming_transactions
WHERE transaction_type IN ('bet', 'win')
GROUP BY member_id, member_name, window_start, window_end;

CREATE OR REPLACE VIEW member_daily_summary AS
SELECT *
FROM member_window_live
WHERE window_end <= (SELECT MAX(transaction_time) - INTERVAL '10 seconds' FROM gaming_transactions);

CREATE OR REPLACE VIEW hotel_room_offers AS
SELECT member_id, member_name, total_spend, transaction_count, net_amount, last_transaction,
       window_start, window_end, 'Complimentary Hotel Room (1 night)'::VARCHAR AS reward_type
FROM member_daily_summary
WHERE total_spend >= (SELECT threshold FROM offer_rules WHERE offer_type = 'hotel');

CREATE OR REPLACE VIEW drink_offers AS
SELECT member_id, member_name, total_spend, transaction_count, net_amount, -net_amount AS loss_amount,
       last_transaction, window_start, window_end, 'Complimentary Premium Drink'::VARCHAR AS reward_type
FROM member_daily_summary
WHERE -net_amount >= (SELECT threshold FROM offer_rules WHERE offer_type = 'drink');

CREATE OR REPLACE VIEW game_stats AS
SELECT game_type,
       COUNT(*) FILTER (WHERE transaction_type = 'bet') AS bet_count,
       SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS total_wagered,
       SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS total_paid_out,
       SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE -amount END) AS house_net,
       SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE -amount END)
         / NULLIF(SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END), 0) AS house_edge
FROM gaming_transactions
WHERE transaction_type IN ('bet', 'win')
GROUP BY game_type;

CREATE OR REPLACE VIEW member_leaderboard AS
SELECT member_id,
       member_name,
       SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS lifetime_spend,
       SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS lifetime_winnings,
       SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE -amount END) AS lifetime_net,
       COUNT(*) AS lifetime_transactions,
       MAX(transaction_time) AS last_seen
FROM gaming_transactions
WHERE transaction_type IN ('bet', 'win')
GROUP BY member_id, member_name;
