-- A version number of the region's data, raised by every statement that changes it, by any path
-- (imports, the demo, the API, psql). Caches of figures derived from the data (the signals at a
-- date, the monitor's snapshots: src/services/monitor-cache.ts) compare it to know they are
-- still exact. Statement-level triggers: one UPDATE per statement, not per row.
CREATE TABLE data_versions (
  name text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
INSERT INTO data_versions (name, version) VALUES ('region', 0);
--> statement-breakpoint
CREATE FUNCTION bump_region_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = 'region';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['schools', 'closures', 'pupils', 'pupil_contacts', 'enrolments',
                             'attendance', 'population', 'exemptions'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version()', tbl || '_data_version', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version()', tbl || '_data_version_trunc', tbl);
  END LOOP;
END;
$$;
