-- A version of the unit tree, bumped by every statement that changes units or their successors, so that an app
-- instance can keep the whole tree in memory and know, with one tiny read, whether it is still current (the
-- satisfaction dashboard walks a country's 3,300 units on every read).
CREATE TABLE units_version (
  id      boolean CONSTRAINT units_version_pk PRIMARY KEY DEFAULT true CONSTRAINT units_version_one CHECK (id),
  version bigint NOT NULL
);
INSERT INTO units_version (version) VALUES (0);

CREATE FUNCTION bump_units_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE units_version SET version = version + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER units_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_units_version();
CREATE TRIGGER unit_successors_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_successors
  FOR EACH STATEMENT EXECUTE FUNCTION bump_units_version();
