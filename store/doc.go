// Package store keeps duban's plans, indicators, reports and users in SQLite
// (the default, one file) or PostgreSQL (national scale), implementing the
// domain's PlanService, UserService and ReportService. Dialect differences
// (placeholders, types, bulk paths) stay inside this package.
//
// Open takes a DSN: postgres:// or postgresql:// selects PostgreSQL through
// pgx; anything else is a SQLite file path (":memory:" for a private
// in-memory database). Open applies the embedded migrations
// (migrations/<dialect>/NNNN_name.sql, in name order, each in its own
// transaction, recorded in schema_migrations).
//
// SQLite runs in WAL mode with foreign keys on. Write transactions begin
// IMMEDIATE and are serialized inside the process, so concurrent writers
// wait their turn instead of failing with "database is locked"; other
// processes are covered by busy_timeout. Reads run in deferred read-only
// transactions and never wait for writers.
//
// # Plans as documents
//
// ImportBundle writes a whole duban.Bundle in one transaction; ExportBundle
// reads it back so that import → export is reflect.DeepEqual to the input
// apart from the fields the database assigns: Plan.ID, Plan.CreatedAt,
// Plan.UpdatedAt; Unit.ID, Person.ID, Mechanism.ID; Node.ID, Node.PlanID,
// Node.UpdatedAt; Indicator.ID, Indicator.PlanID, Indicator.NodeID. Empty
// lists read back as nil. Units, people and mechanisms are shared between
// plans and upserted by code, so an export shows the records the plan's
// document listed, in its order, with their latest contents.
//
// Re-importing a plan code updates the plan in place: nodes and indicators
// keep their ids when their codes stay, so reports survive; an import that
// would delete an indicator that has reports is refused with ECONFLICT.
//
// Timestamps are stored in UTC at microsecond precision.
package store
