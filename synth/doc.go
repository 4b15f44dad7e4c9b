// Package synth makes a deterministic synthetic national dataset for scale
// tests: one plan per county-level district, each under a province and a
// city, with an area → task → indicator tree, responsible units, people,
// milestones, monthly reports, supervision notices, reporter accounts and
// every indicator's evaluated status.
//
// Every id is a function of the district and the position within it, so a
// dataset is written into an empty database and tools such as the load
// generator can name users, plans and indicators without asking the
// server. The same Config (seed included) always gives the same rows.
package synth
