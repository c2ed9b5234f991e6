/**
 * The SQL the dashboard speaks to its engine (RisingWave, or PostgreSQL in local mode): which engine
 * answers and how writes become visible there ({@link org.casinoloyalty.dashboard.sql.EngineDialect}),
 * the list of every statement the features send ({@link org.casinoloyalty.dashboard.sql.EngineStatements}),
 * and {@code make check}'s endpoint that runs its queries.
 */
package org.casinoloyalty.dashboard.sql;
