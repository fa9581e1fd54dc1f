-- Contact tracing's two check-in reads (issue #13 §5: F1 candidates at 10 M+ check-ins) answered from
-- the index alone: "everyone at this point between t1 and t2, still there when the exposure began" and
-- "where was this person". Each returns person/venue, check-in and check-out times; with them carried
-- in the index (INCLUDE, not keys: the range scans stay on (venue|person, server_time)), PostgreSQL reads
-- index-only instead of one random heap page per matching visit. The keys are the same as 0009's, so
-- every query those indexes served is served as before; the indexes keep their names.
--
-- Pages must be all-visible for an index-only scan to skip the heap: autovacuum keeps a PostgreSQL
-- server's partitions so; PGlite has no autovacuum, so the check-in housekeeping vacuums the closed days
-- (modules/checkins/checkins.vacuum.ts).
--
-- Large deployments: this file runs inside the one migration transaction, so on PostgreSQL the rebuild
-- holds checkins locked (no check-ins, and no reads after the DROP) while it builds. Build the
-- partitions' indexes beforehand, without blocking writes, while the old version serves:
--   npm run migrate:prebuild -- 0066_checkins_covering_indexes
-- (CREATE INDEX CONCURRENTLY per partition); CREATE INDEX on the partitioned table below then attaches
-- those equivalent indexes instead of building, and the migration takes catalogue time only.
drop index checkins_venue_time_idx;
create index checkins_venue_time_idx on checkins (venue_id, server_time) include (person_id, checkout_time);
drop index checkins_person_time_idx;
create index checkins_person_time_idx on checkins (person_id, server_time) include (venue_id, checkout_time);
