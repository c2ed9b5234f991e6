-- Casino Gaming Loyalty: RisingWave schema (docker mode). Target: risingwave v2.8.5, minimum v2.4.
-- Relation names and column order follow design.md section 5. Every statement is re-runnable.
-- Prerequisite: topic gaming-transactions exists (CREATE SOURCE fails on a missing topic); the generator's
-- SchemaInitializer creates it, then sends the statements one by one as Spring's ScriptUtils splits them (on semicolons).
-- The 5-minute windows and the 10 s watermark equal local-stack's constants (TimeSemanticsParityTest).
-- Statement-by-statement evidence: docs/sql-verification.md.

-- (0) Read-your-writes for every new session and, since v2.4.0 (#21294), this one: the seed below needs no FLUSH. Docs: /operate/view-configure-runtime-parameters, /sql/commands/sql-alter-system
ALTER SYSTEM SET implicit_flush TO true;

-- (1) Kafka source with a 10 s watermark. Docs: /sql/commands/sql-create-source, /processing/watermarks, /ingestion/sources/kafka-config
CREATE SOURCE IF NOT EXISTS gaming_transactions (
    transaction_id   BIGINT,
    member_id        BIGINT,
    member_name      VARCHAR,
    transaction_type VARCHAR,
    amount           DECIMAL,
    game_type        VARCHAR,
    transaction_time TIMESTAMP,
    WATERMARK FOR transaction_time AS transaction_time - INTERVAL '10' SECOND
) WITH (
    connector = 'kafka',
    topic = 'gaming-transactions',
    properties.bootstrap.server = 'redpanda:9092',
    scan.startup.mode = 'earliest'
) FORMAT PLAIN ENCODE JSON;

-- (2) Offer thresholds, editable at run time with UPDATE. Docs: /sql/commands/sql-create-table (PK conflict behavior)
CREATE TABLE IF NOT EXISTS offer_rules (
    offer_type VARCHAR PRIMARY KEY,
    threshold  DECIMAL,
    updated_at TIMESTAMP
) ON CONFLICT DO NOTHING;

-- (3) Seed rules, a re-run keeps rows already there. Docs: /sql/commands/sql-insert, e2e_test/streaming/on_conflict.slt
INSERT INTO offer_rules (offer_type, threshold, updated_at) VALUES ('hotel', 5000, NULL), ('drink', 1000, NULL);

-- (4) Closed 5-minute windows per member, final rows only. Docs: /processing/emit-on-window-close, /processing/sql/time-windows
CREATE MATERIALIZED VIEW IF NOT EXISTS member_daily_summary AS
SELECT
    member_id,
    member_name,
    SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS total_spend,
    SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS total_winnings,
    SUM(CASE WHEN transaction_type = 'win' THEN amount WHEN transaction_type = 'bet' THEN -amount ELSE 0 END) AS net_amount,
    COUNT(*) AS transaction_count,
    MAX(transaction_time) AS last_transaction,
    window_start,
    window_end
FROM TUMBLE(gaming_transactions, transaction_time, INTERVAL '5' MINUTE)
WHERE transaction_type IN ('bet', 'win')
GROUP BY member_id, member_name, window_start, window_end
EMIT ON WINDOW CLOSE;

-- (5) Same aggregates for every window including the open one, emit on update. Docs: /processing/sql/time-windows, /sql/commands/sql-create-mv
CREATE MATERIALIZED VIEW IF NOT EXISTS member_window_live AS
SELECT
    member_id,
    member_name,
    SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS total_spend,
    SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS total_winnings,
    SUM(CASE WHEN transaction_type = 'win' THEN amount WHEN transaction_type = 'bet' THEN -amount ELSE 0 END) AS net_amount,
    COUNT(*) AS transaction_count,
    MAX(transaction_time) AS last_transaction,
    window_start,
    window_end
FROM TUMBLE(gaming_transactions, transaction_time, INTERVAL '5' MINUTE)
WHERE transaction_type IN ('bet', 'win')
GROUP BY member_id, member_name, window_start, window_end;

-- (6) Closed windows meeting the hotel rule, dynamic filter on offer_rules. Docs: /processing/sql/dynamic-filters, e2e_test/streaming/dynamic_filter.slt
CREATE MATERIALIZED VIEW IF NOT EXISTS hotel_room_offers AS
SELECT
    member_id,
    member_name,
    total_spend,
    transaction_count,
    net_amount,
    last_transaction,
    window_start,
    window_end,
    'Complimentary Hotel Room (1 night)' AS reward_type
FROM member_daily_summary
WHERE total_spend >= (SELECT MAX(threshold) FROM offer_rules WHERE offer_type = 'hotel');

-- (7) Closed windows meeting the drink rule (loss = -net_amount), dynamic filter. Docs: /processing/sql/dynamic-filters, e2e_test/streaming/dynamic_filter.slt
CREATE MATERIALIZED VIEW IF NOT EXISTS drink_offers AS
SELECT
    member_id,
    member_name,
    total_spend,
    transaction_count,
    net_amount,
    -net_amount AS loss_amount,
    last_transaction,
    window_start,
    window_end,
    'Complimentary Premium Drink' AS reward_type
FROM member_daily_summary
WHERE -net_amount >= (SELECT MAX(threshold) FROM offer_rules WHERE offer_type = 'drink');

-- (8) Per-game totals from the house side, house_edge NULL while nothing is wagered. Docs: /sql/functions/conditional, /sql/query-syntax/value-exp
CREATE MATERIALIZED VIEW IF NOT EXISTS game_stats AS
SELECT
    game_type,
    bet_count,
    total_wagered,
    total_paid_out,
    total_wagered - total_paid_out AS house_net,
    (total_wagered - total_paid_out) / NULLIF(total_wagered, 0) AS house_edge
FROM (
    SELECT
        game_type,
        COUNT(*) FILTER (WHERE transaction_type = 'bet') AS bet_count,
        SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS total_wagered,
        SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS total_paid_out
    FROM gaming_transactions
    WHERE transaction_type IN ('bet', 'win')
    GROUP BY game_type
) AS per_game;

-- (9) All-time totals per member, rank at query time. Docs: /sql/commands/sql-create-mv, /sql/functions/aggregate
CREATE MATERIALIZED VIEW IF NOT EXISTS member_leaderboard AS
SELECT
    member_id,
    member_name,
    SUM(CASE WHEN transaction_type = 'bet' THEN amount ELSE 0 END) AS lifetime_spend,
    SUM(CASE WHEN transaction_type = 'win' THEN amount ELSE 0 END) AS lifetime_winnings,
    SUM(CASE WHEN transaction_type = 'win' THEN amount WHEN transaction_type = 'bet' THEN -amount ELSE 0 END) AS lifetime_net,
    COUNT(*) AS lifetime_transactions,
    MAX(transaction_time) AS last_seen
FROM gaming_transactions
WHERE transaction_type IN ('bet', 'win')
GROUP BY member_id, member_name;

-- (10) One redemption per member, offer type and business date, first insert wins. Docs: /sql/commands/sql-create-table, e2e_test/streaming/on_conflict.slt
CREATE TABLE IF NOT EXISTS redeemed_offers (
    member_id       BIGINT    NOT NULL,
    member_name     VARCHAR   NOT NULL,
    offer_type      VARCHAR   NOT NULL,
    redemption_date DATE      NOT NULL,
    window_start    TIMESTAMP NOT NULL,
    window_end      TIMESTAMP NOT NULL,
    redeemed_at     TIMESTAMP NOT NULL,
    redeemed_by     VARCHAR   NOT NULL,
    PRIMARY KEY (member_id, offer_type, redemption_date)
) ON CONFLICT DO NOTHING;

-- (11) The staff's audit trail, written by the dashboard. APPEND ONLY: RisingWave refuses UPDATE and DELETE on it
-- ("append-only table does not support update or delete", src/frontend/src/binder/relation/table_or_source.rs).
-- Docs: /sql/commands/sql-create-table (APPEND ONLY), e2e_test/streaming/append_only.slt
CREATE TABLE IF NOT EXISTS staff_actions (
    acted_at     TIMESTAMP NOT NULL,
    staff_user   VARCHAR   NOT NULL,
    staff_role   VARCHAR,
    action       VARCHAR   NOT NULL,
    target       VARCHAR   NOT NULL,
    value_before VARCHAR,
    value_after  VARCHAR
) APPEND ONLY;

-- (12) Offers for downstream systems (topic loyalty-offers, key member_id as text, design §8): one JSON record
-- per offer when its window closes. A process-time temporal join reads the rule in force when member_daily_summary
-- emits the window; a later threshold change neither re-emits nor retracts a record (docs/decisions.md D20).
-- member_daily_summary is append-only (EMIT ON WINDOW CLOSE), so is the join: FORMAT PLAIN needs no force_append_only.
-- Times as the event contract writes them (to_char; the JSON encoder would write epoch milliseconds), amounts as
-- JSON numbers (the encoder writes DECIMAL as a string). local-stack's outbox writes the same records
-- (local-schema.sql, offers_closed_since). The sink starts with the windows already closed, under the rules then.
-- Docs: /integrations/destinations/apache-kafka, /processing/sql/temporal-filters; e2e_test/streaming/temporal_join/append_only/nested_loop.slt;
-- code src/connector/src/sink/formatter/mod.rs (JsonEncoder modes), src/frontend/src/optimizer/plan_node/logical_join.rs
CREATE SINK IF NOT EXISTS loyalty_hotel_offers AS
SELECT
    s.member_id,
    s.member_name,
    CAST(s.total_spend AS DOUBLE PRECISION) AS total_spend,
    s.transaction_count,
    CAST(s.net_amount AS DOUBLE PRECISION) AS net_amount,
    to_char(s.last_transaction, 'YYYY-MM-DD HH24:MI:SS.MS') AS last_transaction,
    to_char(s.window_start, 'YYYY-MM-DD HH24:MI:SS.MS') AS window_start,
    to_char(s.window_end, 'YYYY-MM-DD HH24:MI:SS.MS') AS window_end,
    'Complimentary Hotel Room (1 night)' AS reward_type,
    'hotel' AS offer_type,
    'hotel:' || CAST(s.member_id AS VARCHAR) || ':' || to_char(s.window_start, 'YYYY-MM-DD HH24:MI:SS') AS offer_id
FROM member_daily_summary s
JOIN offer_rules FOR SYSTEM_TIME AS OF PROCTIME() r ON r.offer_type = 'hotel' AND s.total_spend >= r.threshold
WITH (
    connector = 'kafka',
    properties.bootstrap.server = 'redpanda:9092',
    topic = 'loyalty-offers',
    primary_key = 'member_id'
) FORMAT PLAIN ENCODE JSON KEY ENCODE TEXT;

-- (13) The same for the drink rule, into the same topic. Docs: as (12)
CREATE SINK IF NOT EXISTS loyalty_drink_offers AS
SELECT
    s.member_id,
    s.member_name,
    CAST(s.total_spend AS DOUBLE PRECISION) AS total_spend,
    s.transaction_count,
    CAST(s.net_amount AS DOUBLE PRECISION) AS net_amount,
    CAST(-s.net_amount AS DOUBLE PRECISION) AS loss_amount,
    to_char(s.last_transaction, 'YYYY-MM-DD HH24:MI:SS.MS') AS last_transaction,
    to_char(s.window_start, 'YYYY-MM-DD HH24:MI:SS.MS') AS window_start,
    to_char(s.window_end, 'YYYY-MM-DD HH24:MI:SS.MS') AS window_end,
    'Complimentary Premium Drink' AS reward_type,
    'drink' AS offer_type,
    'drink:' || CAST(s.member_id AS VARCHAR) || ':' || to_char(s.window_start, 'YYYY-MM-DD HH24:MI:SS') AS offer_id
FROM member_daily_summary s
JOIN offer_rules FOR SYSTEM_TIME AS OF PROCTIME() r ON r.offer_type = 'drink' AND -s.net_amount >= r.threshold
WITH (
    connector = 'kafka',
    properties.bootstrap.server = 'redpanda:9092',
    topic = 'loyalty-offers',
    primary_key = 'member_id'
) FORMAT PLAIN ENCODE JSON KEY ENCODE TEXT;

-- (14) One record per redemption (topic loyalty-redemptions, key member_id as text): the offer it redeems, who, when.
-- The table has a primary key, so its changes are a retract stream: force_append_only keeps the INSERTs, and
-- ON CONFLICT DO NOTHING means a refused duplicate emits nothing. local-stack: its outbox, redemption_record.
-- Docs: /integrations/destinations/apache-kafka; e2e_test/sink/create_sink.slt (force_append_only)
CREATE SINK IF NOT EXISTS loyalty_redemptions AS
SELECT
    member_id,
    member_name,
    offer_type,
    offer_type || ':' || CAST(member_id AS VARCHAR) || ':' || to_char(window_start, 'YYYY-MM-DD HH24:MI:SS') AS offer_id,
    CAST(redemption_date AS VARCHAR) AS redemption_date,
    to_char(window_start, 'YYYY-MM-DD HH24:MI:SS.MS') AS window_start,
    to_char(window_end, 'YYYY-MM-DD HH24:MI:SS.MS') AS window_end,
    to_char(redeemed_at, 'YYYY-MM-DD HH24:MI:SS.MS') AS redeemed_at,
    redeemed_by
FROM redeemed_offers
WITH (
    connector = 'kafka',
    properties.bootstrap.server = 'redpanda:9092',
    topic = 'loyalty-redemptions',
    primary_key = 'member_id'
) FORMAT PLAIN ENCODE JSON (force_append_only = 'true') KEY ENCODE TEXT;
