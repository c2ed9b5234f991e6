-- The relations of design §5 on PostgreSQL, standing in for risingwave/setup_risingwave.sql.
-- Schema public holds exactly the relations RisingWave shows, with the same columns in the same
-- order; schema local_stack holds what RisingWave keeps as internal state: the per-window and
-- all-time aggregates the ingest loop maintains, the watermark and the consumed Kafka offsets.
-- Applied at every start-up in one transaction; every statement is idempotent.

-- A data directory from the walking skeleton kept offer_rules and redeemed_offers as plain tables
-- in public; stop with a clear message rather than mix the two layouts.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('offer_rules', 'redeemed_offers')) THEN
        RAISE EXCEPTION 'This data directory was created by an older local-stack layout. Remove it (make clean, or delete the directory) and start again.';
    END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS local_stack;

-- Every record read from the topic that could be parsed, late ones and heartbeats included:
-- a SELECT on RisingWave's source shows the raw topic too. Nothing but the ingest loop writes it, no
-- dashboard query and no relation below reads it (each keeps its own aggregates), so the raw-event
-- retention may delete its old rows without changing any of them (docs/decisions.md D23).
CREATE TABLE IF NOT EXISTS gaming_transactions (
    transaction_id   BIGINT,
    member_id        BIGINT,
    member_name      VARCHAR,
    transaction_type VARCHAR,
    amount           NUMERIC,
    game_type        VARCHAR,
    transaction_time TIMESTAMP
);
-- The retention deletes the oldest rows first, a bounded batch at a time, and health shows the oldest kept:
-- both read this index. Rows arrive about in time order, so it grows at its right edge (its cost to the
-- ingest COPY and its size: docs/benchmarks.md, "Disk per million events"). Built once on an older database.
CREATE INDEX IF NOT EXISTS gaming_transactions_by_time ON gaming_transactions (transaction_time);
-- Vacuumed once 2 % of its rows are dead rather than PostgreSQL's 20 %: the retention deletes about 1/7 of
-- them a day (7 days kept), and the space of dead rows is reused by new ones only after a vacuum.
ALTER TABLE gaming_transactions SET (autovacuum_vacuum_scale_factor = 0.02);

-- One row: what the raw-event retention has deleted so far and the cutoff of its last run (D23). A row of
-- its own, not ingest_state's, so that a delete never waits for an ingest batch's lock on that row.
CREATE TABLE IF NOT EXISTS local_stack.raw_event_retention (
    singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    deleted   BIGINT NOT NULL DEFAULT 0,
    cutoff    TIMESTAMP
);
INSERT INTO local_stack.raw_event_retention (singleton) VALUES (true) ON CONFLICT DO NOTHING;

-- One row: the stream's watermark (max event time - 10 s; see IngestBatch for partitions) and the
-- ingest counters, written in the same transaction as the batch they describe.
CREATE TABLE IF NOT EXISTS local_stack.ingest_state (
    singleton     BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    watermark     TIMESTAMP,
    ingested      BIGINT NOT NULL DEFAULT 0,
    late_dropped  BIGINT NOT NULL DEFAULT 0,
    dead_lettered BIGINT NOT NULL DEFAULT 0
);
INSERT INTO local_stack.ingest_state (singleton) VALUES (true) ON CONFLICT DO NOTHING;

-- The next offset to read per partition and the partition's watermark, committed with the batch:
-- exactly once across restarts.
CREATE TABLE IF NOT EXISTS local_stack.partition_offsets (
    topic       VARCHAR NOT NULL,
    partition   INTEGER NOT NULL,
    next_offset BIGINT  NOT NULL,
    watermark   TIMESTAMP,
    PRIMARY KEY (topic, partition)
);

-- Aggregates of bet and win records per member and 5-minute tumbling window (epoch-aligned).
-- Grouped by member_name as well, as RisingWave's GROUP BY member_id, member_name is.
-- Two tables of the same columns (issue 14): member_window holds the closed windows, which never change
-- again, and open_member_window the windows the watermark has not yet passed, which the ingest loop
-- updates at every event. The batch that moves the watermark past a window's end moves its rows over, in
-- its own transaction. So a closed window's rows lie together and its indexes grow only when a window
-- closes, while the open windows' rows (one window of the roster, two around a close) stay a small table
-- whose dead row versions vacuum removes in milliseconds.
CREATE TABLE IF NOT EXISTS local_stack.member_window (
    member_id         BIGINT    NOT NULL,
    member_name       VARCHAR   NOT NULL,
    window_start      TIMESTAMP NOT NULL,
    window_end        TIMESTAMP NOT NULL,
    total_spend       NUMERIC   NOT NULL,
    total_winnings    NUMERIC   NOT NULL,
    transaction_count BIGINT    NOT NULL,
    last_transaction  TIMESTAMP NOT NULL,
    PRIMARY KEY (window_start, member_id, member_name)
);
-- The key leads with the window, so a closing window's rows go to the key's right edge together. Led by the
-- member, as it was, the key took each of 20,000 rows into another leaf page of an index of millions: 2 s of
-- every close at a casino floor's roster. A database of an earlier release gets the new key once.
DO $$
BEGIN
    IF (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE i.indrelid = 'local_stack.member_window'::regclass AND i.indisprimary) <> 'window_start' THEN
        ALTER TABLE local_stack.member_window DROP CONSTRAINT member_window_pkey,
            ADD PRIMARY KEY (window_start, member_id, member_name);
    END IF;
END $$;
CREATE TABLE IF NOT EXISTS local_stack.open_member_window (
    LIKE local_stack.member_window,
    PRIMARY KEY (member_id, member_name, window_start)
);
-- Closed windows come a whole window at a time: vacuumed after each of a large roster's, not after 20 % of the
-- history, so that the visibility map lets a count over a closed window read the index alone.
ALTER TABLE local_stack.member_window SET (autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000);
-- Vacuumed every few thousand updates: each event rewrites its member's row.
ALTER TABLE local_stack.open_member_window SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
-- A data directory of an earlier release kept every window in member_window: its open ones move over.
WITH still_open AS (
    DELETE FROM local_stack.member_window
    WHERE window_end > COALESCE((SELECT watermark FROM local_stack.ingest_state), '-infinity')
    RETURNING *
)
INSERT INTO local_stack.open_member_window SELECT * FROM still_open;

-- The same indexes on both. The dashboard asks for the last closed window (window_end), the latest event
-- (last_transaction) and one window's members in each order of its grids (issue 14): without them
-- PostgreSQL sorted a window's 20,000 rows for every page (50 to 120 ms). An index scan stops after the
-- page's rows; the tie-break on member_id is an incremental sort of the few rows of equal value. The loss
-- is the negated net as the drink view computes it (-(winnings - spend)), so it has an index of its own.
DROP INDEX IF EXISTS local_stack.member_window_by_start;
DO $$
DECLARE
    relation TEXT;
BEGIN
    FOREACH relation IN ARRAY ARRAY['member_window', 'open_member_window'] LOOP
        EXECUTE format($indexes$
            CREATE INDEX IF NOT EXISTS %1$s_by_end ON local_stack.%1$s (window_end);
            CREATE INDEX IF NOT EXISTS %1$s_by_last_transaction ON local_stack.%1$s (last_transaction);
            CREATE INDEX IF NOT EXISTS %1$s_by_start_name ON local_stack.%1$s (window_start, member_name);
            CREATE INDEX IF NOT EXISTS %1$s_by_start_spend ON local_stack.%1$s (window_start, total_spend);
            CREATE INDEX IF NOT EXISTS %1$s_by_start_winnings ON local_stack.%1$s (window_start, total_winnings);
            CREATE INDEX IF NOT EXISTS %1$s_by_start_net ON local_stack.%1$s (window_start, (total_winnings - total_spend));
            CREATE INDEX IF NOT EXISTS %1$s_by_start_loss ON local_stack.%1$s (window_start, (-(total_winnings - total_spend)));
            CREATE INDEX IF NOT EXISTS %1$s_by_start_count ON local_stack.%1$s (window_start, transaction_count);
            CREATE INDEX IF NOT EXISTS %1$s_by_start_last ON local_stack.%1$s (window_start, last_transaction);
        $indexes$, relation);
    END LOOP;
END $$;
-- member_window's key serves a window's members in member order; the open windows' key leads with the member.
DROP INDEX IF EXISTS local_stack.member_window_by_start_member;
CREATE INDEX IF NOT EXISTS open_member_window_by_start_member ON local_stack.open_member_window (window_start, member_id);

CREATE TABLE IF NOT EXISTS local_stack.game_totals (
    game_type      VARCHAR PRIMARY KEY,
    bet_count      BIGINT  NOT NULL,
    total_wagered  NUMERIC NOT NULL,
    total_paid_out NUMERIC NOT NULL
);

CREATE TABLE IF NOT EXISTS local_stack.member_totals (
    member_id             BIGINT    NOT NULL,
    member_name           VARCHAR   NOT NULL,
    lifetime_spend        NUMERIC   NOT NULL,
    lifetime_winnings     NUMERIC   NOT NULL,
    lifetime_transactions BIGINT    NOT NULL,
    last_seen             TIMESTAMP NOT NULL,
    PRIMARY KEY (member_id, member_name)
);
-- The members grid pages member_leaderboard in each column's order, and every search finds members
-- here by name (issue 14). At 20,000 members a sort of the whole table took 15 to 45 ms; these let a page
-- stop after its rows. Trigrams serve a name test that may match anywhere in the name (ILIKE '%chen%').
CREATE INDEX IF NOT EXISTS member_totals_by_spend ON local_stack.member_totals (lifetime_spend);
CREATE INDEX IF NOT EXISTS member_totals_by_winnings ON local_stack.member_totals (lifetime_winnings);
CREATE INDEX IF NOT EXISTS member_totals_by_net ON local_stack.member_totals ((lifetime_winnings - lifetime_spend));
CREATE INDEX IF NOT EXISTS member_totals_by_transactions ON local_stack.member_totals (lifetime_transactions);
CREATE INDEX IF NOT EXISTS member_totals_by_last_seen ON local_stack.member_totals (last_seen);
CREATE INDEX IF NOT EXISTS member_totals_by_name ON local_stack.member_totals (member_name);
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA local_stack;
CREATE INDEX IF NOT EXISTS member_totals_by_name_trigrams
    ON local_stack.member_totals USING gin (member_name local_stack.gin_trgm_ops);
-- Every event rewrites its member's row, and so adds the name's trigrams to the index again. GIN gathers new
-- entries in a pending list that each search reads whole, up to 4 MB by default: at 2,000 events/s a search
-- then read megabytes, and PostgreSQL, costing that, tested the name on all 20,000 rows instead (37 ms).
-- A 256 kB list is merged into the index twenty times as often and keeps a search at about a millisecond.
ALTER INDEX local_stack.member_totals_by_name_trigrams SET (gin_pending_list_limit = 256);

-- RisingWave tables declared ON CONFLICT DO NOTHING: same columns, no defaults, NOT NULL where
-- RisingWave has it. Users reach them through the views of the same name below.
CREATE TABLE IF NOT EXISTS local_stack.offer_rules (
    offer_type VARCHAR PRIMARY KEY,
    threshold  NUMERIC,
    updated_at TIMESTAMP
);
INSERT INTO local_stack.offer_rules (offer_type, threshold, updated_at)
VALUES ('hotel', 5000, NULL), ('drink', 1000, NULL)
ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS local_stack.redeemed_offers (
    member_id       BIGINT    NOT NULL,
    member_name     VARCHAR   NOT NULL,
    offer_type      VARCHAR   NOT NULL,
    redemption_date DATE      NOT NULL,
    window_start    TIMESTAMP NOT NULL,
    window_end      TIMESTAMP NOT NULL,
    redeemed_at     TIMESTAMP NOT NULL,
    redeemed_by     VARCHAR   NOT NULL,
    PRIMARY KEY (member_id, offer_type, redemption_date)
);
CREATE INDEX IF NOT EXISTS redeemed_offers_by_date ON local_stack.redeemed_offers (redemption_date, offer_type);
-- The offer grids join each offer to the redemption of its own window (issue 14): one window's redemptions.
CREATE INDEX IF NOT EXISTS redeemed_offers_by_window ON local_stack.redeemed_offers (window_start, offer_type);

-- ON CONFLICT DO NOTHING for a plain INSERT, as RisingWave does it: the first row of a key wins and
-- a duplicate is dropped without error. INSERT ... ON CONFLICT is race-free under concurrent
-- writers. The view row is the table's row (SELECT * below).
CREATE OR REPLACE FUNCTION local_stack.insert_unless_key_exists() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('INSERT INTO local_stack.%I SELECT ($1).* ON CONFLICT DO NOTHING', TG_TABLE_NAME) USING NEW;
    RETURN NEW;
END $$;

-- Simple views stay updatable, so UPDATE and DELETE work as on the RisingWave tables. Each table's
-- columns are written once, in its CREATE TABLE above: the view takes them all, in the table's order
-- (PostgreSQL expands * when the view is created), which is also the row the trigger inserts.
CREATE OR REPLACE VIEW offer_rules AS
SELECT * FROM local_stack.offer_rules;
CREATE OR REPLACE TRIGGER offer_rules_on_conflict_do_nothing INSTEAD OF INSERT ON offer_rules
    FOR EACH ROW EXECUTE FUNCTION local_stack.insert_unless_key_exists();

CREATE OR REPLACE VIEW redeemed_offers AS
SELECT * FROM local_stack.redeemed_offers;
CREATE OR REPLACE TRIGGER redeemed_offers_on_conflict_do_nothing INSTEAD OF INSERT ON redeemed_offers
    FOR EACH ROW EXECUTE FUNCTION local_stack.insert_unless_key_exists();

-- The staff's audit trail. RisingWave's table is APPEND ONLY; here a trigger refuses UPDATE, DELETE
-- and TRUNCATE with RisingWave's words, so the trail can only grow in both modes.
CREATE TABLE IF NOT EXISTS local_stack.staff_actions (
    acted_at     TIMESTAMP NOT NULL,
    staff_user   VARCHAR   NOT NULL,
    staff_role   VARCHAR,
    action       VARCHAR   NOT NULL,
    target       VARCHAR   NOT NULL,
    value_before VARCHAR,
    value_after  VARCHAR
);
CREATE INDEX IF NOT EXISTS staff_actions_by_time ON local_stack.staff_actions (acted_at);

CREATE OR REPLACE FUNCTION local_stack.refuse_change_of_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'append-only table does not support update or delete';
END $$;
CREATE OR REPLACE TRIGGER staff_actions_append_only BEFORE UPDATE OR DELETE ON local_stack.staff_actions
    FOR EACH ROW EXECUTE FUNCTION local_stack.refuse_change_of_append_only();
CREATE OR REPLACE TRIGGER staff_actions_no_truncate BEFORE TRUNCATE ON local_stack.staff_actions
    FOR EACH STATEMENT EXECUTE FUNCTION local_stack.refuse_change_of_append_only();

CREATE OR REPLACE VIEW staff_actions AS
SELECT * FROM local_stack.staff_actions;

-- Emit on update: every window, the open ones included, as the ingest loop last left them.
CREATE OR REPLACE VIEW member_window_live AS
SELECT member_id,
       member_name,
       total_spend,
       total_winnings,
       total_winnings - total_spend AS net_amount,
       transaction_count,
       last_transaction,
       window_start,
       window_end
FROM (SELECT * FROM local_stack.member_window UNION ALL SELECT * FROM local_stack.open_member_window) w;

-- Emit on window close: a window is final once the watermark has reached its end, because every
-- later record of it would be older than the watermark and so dropped. The ingest batch that moves the
-- watermark moves such windows into member_window; the watermark test keeps a row written there by hand
-- (a test's, the benchmark's backfill) out until the watermark passes it too.
CREATE OR REPLACE VIEW member_daily_summary AS
SELECT member_id, member_name, total_spend, total_winnings, total_winnings - total_spend AS net_amount,
       transaction_count, last_transaction, window_start, window_end
FROM local_stack.member_window
WHERE window_end <= (SELECT watermark FROM local_stack.ingest_state);

-- The offers read the rule at query time: a changed threshold shows on the next query (D1).
CREATE OR REPLACE VIEW hotel_room_offers AS
SELECT member_id,
       member_name,
       total_spend,
       transaction_count,
       net_amount,
       last_transaction,
       window_start,
       window_end,
       'Complimentary Hotel Room (1 night)'::VARCHAR AS reward_type
FROM member_daily_summary
WHERE total_spend >= (SELECT MAX(threshold) FROM local_stack.offer_rules WHERE offer_type = 'hotel');

CREATE OR REPLACE VIEW drink_offers AS
SELECT member_id,
       member_name,
       total_spend,
       transaction_count,
       net_amount,
       -net_amount AS loss_amount,
       last_transaction,
       window_start,
       window_end,
       'Complimentary Premium Drink'::VARCHAR AS reward_type
FROM member_daily_summary
WHERE -net_amount >= (SELECT MAX(threshold) FROM local_stack.offer_rules WHERE offer_type = 'drink');

CREATE OR REPLACE VIEW game_stats AS
SELECT game_type,
       bet_count,
       total_wagered,
       total_paid_out,
       total_wagered - total_paid_out AS house_net,
       (total_wagered - total_paid_out) / NULLIF(total_wagered, 0) AS house_edge
FROM local_stack.game_totals;

CREATE OR REPLACE VIEW member_leaderboard AS
SELECT member_id,
       member_name,
       lifetime_spend,
       lifetime_winnings,
       lifetime_winnings - lifetime_spend AS lifetime_net,
       lifetime_transactions,
       last_seen
FROM local_stack.member_totals;

-- Offers and redemptions handed to downstream systems (topics loyalty-offers and loyalty-redemptions,
-- design §8): RisingWave's sinks in setup_risingwave.sql, here an outbox. Each record is written in
-- the transaction that makes it (the ingest batch that closes the window, the redemption's INSERT)
-- and relayed to Kafka by local-stack's OutboxRelay, oldest first, then deleted: none is lost in a
-- crash, and one sent just before a crash may go out again (consumers dedupe by offer_id; D20).
-- Dead letters take the same way, written by the ingest batch that read them (D21).

-- Times as the event contract writes them (design §2) and the sinks' to_char does.
CREATE OR REPLACE FUNCTION local_stack.sink_time(t TIMESTAMP) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(t, 'YYYY-MM-DD HH24:MI:SS.MS') $$;

-- One offer's id, the same in both modes: its type, member and window start.
CREATE OR REPLACE FUNCTION local_stack.offer_id(offer_type VARCHAR, member_id BIGINT, window_start TIMESTAMP) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$ SELECT offer_type || ':' || member_id || ':' || to_char(window_start, 'YYYY-MM-DD HH24:MI:SS') $$;

-- The offers of the windows closed since the watermark `after_watermark` (every closed one when it is
-- NULL), under the rules in force now: the ingest batch that moves the watermark calls it in its
-- transaction, so each offer goes out once, under the rule of the moment its window closed (D20).
-- One range of the window_end index: a test `after_watermark IS NULL OR …` read every closed window
-- instead, 2 to 4 s at each close of a casino floor's history (issue 14).
CREATE OR REPLACE FUNCTION local_stack.offers_closed_since(after_watermark TIMESTAMP)
RETURNS TABLE (record_key TEXT, payload TEXT)
LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT member_id::TEXT, json_build_object(
               'member_id', member_id, 'member_name', member_name, 'total_spend', total_spend::FLOAT8,
               'transaction_count', transaction_count, 'net_amount', net_amount::FLOAT8,
               'last_transaction', local_stack.sink_time(last_transaction),
               'window_start', local_stack.sink_time(window_start), 'window_end', local_stack.sink_time(window_end),
               'reward_type', reward_type, 'offer_type', 'hotel',
               'offer_id', local_stack.offer_id('hotel', member_id, window_start))::TEXT
    FROM hotel_room_offers
    WHERE window_end > COALESCE(after_watermark, '-infinity')
    UNION ALL
    SELECT member_id::TEXT, json_build_object(
               'member_id', member_id, 'member_name', member_name, 'total_spend', total_spend::FLOAT8,
               'transaction_count', transaction_count, 'net_amount', net_amount::FLOAT8,
               'loss_amount', loss_amount::FLOAT8, 'last_transaction', local_stack.sink_time(last_transaction),
               'window_start', local_stack.sink_time(window_start), 'window_end', local_stack.sink_time(window_end),
               'reward_type', reward_type, 'offer_type', 'drink',
               'offer_id', local_stack.offer_id('drink', member_id, window_start))::TEXT
    FROM drink_offers
    WHERE window_end > COALESCE(after_watermark, '-infinity')
$$;

-- One redemption's record.
CREATE OR REPLACE FUNCTION local_stack.redemption_record(r local_stack.redeemed_offers) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
    SELECT json_build_object(
        'member_id', r.member_id, 'member_name', r.member_name, 'offer_type', r.offer_type,
        'offer_id', local_stack.offer_id(r.offer_type, r.member_id, r.window_start),
        'redemption_date', to_char(r.redemption_date, 'YYYY-MM-DD'), 'window_start', local_stack.sink_time(r.window_start),
        'window_end', local_stack.sink_time(r.window_end), 'redeemed_at', local_stack.sink_time(r.redeemed_at),
        'redeemed_by', r.redeemed_by)::TEXT
$$;

-- The offers of the windows closed since after_watermark (every closed one when NULL), into the outbox:
-- by the ingest batch that closes windows (IngestStore), and once when the outbox is created.
CREATE OR REPLACE FUNCTION local_stack.outbox_closed_offers(after_watermark TIMESTAMP) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO local_stack.outbox (topic, record_key, payload)
    SELECT 'loyalty-offers', convert_to(record_key, 'UTF8'), convert_to(payload, 'UTF8')
    FROM local_stack.offers_closed_since(after_watermark);
END $$;

-- One redemption into the outbox: by the trigger below, and those made so far when the outbox is created.
CREATE OR REPLACE FUNCTION local_stack.outbox_redemption(r local_stack.redeemed_offers) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO local_stack.outbox (topic, record_key, payload)
    VALUES ('loyalty-redemptions', convert_to(r.member_id::TEXT, 'UTF8'), convert_to(local_stack.redemption_record(r), 'UTF8'));
END $$;

-- Created once. Like RisingWave's CREATE SINK ... AS SELECT, which starts with the rows already
-- there, it starts with the offers of the windows closed so far and the redemptions made so far.
-- Key and value are bytes, as Kafka's are: a dead letter is the record as it was read. A record the
-- broker refuses (too large, say) is tried max-attempts times, then parked: failed_at set, kept here
-- for the operator, and the records behind it go on.
DO $$
DECLARE
    redemption local_stack.redeemed_offers;
BEGIN
    IF to_regclass('local_stack.outbox') IS NULL THEN
        CREATE TABLE local_stack.outbox (
            id            BIGSERIAL PRIMARY KEY,
            topic         VARCHAR NOT NULL,
            record_key    BYTEA,
            payload       BYTEA,
            header_names  TEXT[],
            header_values BYTEA[],
            attempts      INTEGER NOT NULL DEFAULT 0,
            failure       TEXT,
            failed_at     TIMESTAMPTZ
        );
        PERFORM local_stack.outbox_closed_offers(NULL);
        FOR redemption IN SELECT * FROM local_stack.redeemed_offers ORDER BY redeemed_at LOOP
            PERFORM local_stack.outbox_redemption(redemption);
        END LOOP;
    ELSIF (SELECT data_type FROM information_schema.columns
           WHERE table_schema = 'local_stack' AND table_name = 'outbox' AND column_name = 'payload') = 'text' THEN
        -- an outbox of the first release (text only, no retry bookkeeping): same records, new form
        ALTER TABLE local_stack.outbox
            ALTER COLUMN record_key TYPE BYTEA USING convert_to(record_key, 'UTF8'),
            ALTER COLUMN record_key DROP NOT NULL,
            ALTER COLUMN payload TYPE BYTEA USING convert_to(payload, 'UTF8'),
            ALTER COLUMN payload DROP NOT NULL,
            ADD COLUMN header_names TEXT[],
            ADD COLUMN header_values BYTEA[],
            ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0,
            ADD COLUMN failure TEXT,
            ADD COLUMN failed_at TIMESTAMPTZ;
    END IF;
END $$;

-- A redemption that took (the first of its key: the ON CONFLICT trigger above inserts nothing for the
-- others), and a redemption changed by hand: RisingWave's sink (force_append_only) sends an UPDATE's new row too.
CREATE OR REPLACE FUNCTION local_stack.record_redemption() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM local_stack.outbox_redemption(NEW);
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER redeemed_offers_to_outbox AFTER INSERT OR UPDATE ON local_stack.redeemed_offers
    FOR EACH ROW EXECUTE FUNCTION local_stack.record_redemption();
