-- Issue #13: the proximity retention job (tracing.proximity.ts, runProximityRetention) strips an
-- encounter's signal strength and upload from a contact's evidence once the log is past the rules'
-- retention. It read every contact with proximity evidence ever, each run, stripped or not (a scan
-- that grows with the epidemic). This partial index holds only the contacts whose proximity evidence
-- still names an upload: the job's candidates, leaving the index once stripped. Owner: modules/tracing.
create index contacts_proximity_unstripped_idx on contacts (id)
  where jsonb_path_exists(evidence, '$[*] ? (@.kind == "proximity" && exists(@.uploadId))');
