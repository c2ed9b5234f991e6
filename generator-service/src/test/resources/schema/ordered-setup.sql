-- A small script in setup_risingwave.sql's shape, for PostgreSQL: each statement needs the one
-- before it, so applying them out of order fails; the broker literal must come out substituted.
CREATE TABLE IF NOT EXISTS engine_source (
    broker VARCHAR PRIMARY KEY
);

-- (1) seed, re-runnable
INSERT INTO engine_source (broker) VALUES ('redpanda:9092') ON CONFLICT DO NOTHING;

-- (2) a view on the seeded table
CREATE OR REPLACE VIEW engine_source_view AS
SELECT broker
FROM engine_source;
