-- The region's data version (0008) is raised only by a statement that changed a row. A statement
-- that changed none — a re-import of the same file (its upsert skips identical rows), a delete
-- that matched nothing — left every row as it was, yet raised the version, and every cache of
-- signals and monitor figures was thrown away and recomputed (the soak run imports an unchanged
-- file every few seconds: docs/reliability.md "Soak run"). Transition tables tell whether rows
-- changed; a trigger with transition tables has one event, so three per table (TRUNCATE as before).
CREATE OR REPLACE FUNCTION bump_region_data_version_if_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT EXISTS (SELECT 1 FROM old_rows) INTO changed;
  ELSE
    SELECT EXISTS (SELECT 1 FROM new_rows) INTO changed;
  END IF;
  IF changed THEN
    UPDATE data_versions SET version = version + 1 WHERE name = 'region';
  END IF;
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
    EXECUTE format('DROP TRIGGER %I ON %I', tbl || '_data_version', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version_if_rows()', tbl || '_data_version_ins', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version_if_rows()', tbl || '_data_version_upd', tbl);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version_if_rows()', tbl || '_data_version_del', tbl);
  END LOOP;
END;
$$;
