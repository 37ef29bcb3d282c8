-- The data version is bumped once per transaction, at its commit, instead of by every statement as it runs.
-- Before, the first write of a long transaction (a 100,000-row import) locked the one data_state row until it
-- committed, and every other writer's trigger queued behind it: edits waited out the import.
-- Now a statement marks its transaction once (a row of its own in data_change_pending, which nobody else
-- touches), and a deferred constraint trigger on that row bumps data_state during COMMIT, holding its row lock
-- only for the rest of that commit. A reader still never sees new data under an old version: the bump commits
-- atomically with the data.

-- CreateTable
CREATE TABLE "data_change_pending" (
    "id" BIGSERIAL NOT NULL,

    CONSTRAINT "data_change_pending_pkey" PRIMARY KEY ("id")
);

CREATE OR REPLACE FUNCTION "atlas_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- set_config(..., true) lasts until the end of this transaction: one pending row per transaction.
  IF current_setting('atlas.data_change_marked', true) IS DISTINCT FROM '1' THEN
    PERFORM set_config('atlas.data_change_marked', '1', true);
    INSERT INTO "data_change_pending" DEFAULT VALUES;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "atlas_commit_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_state" SET "version" = "version" + 1, "changed_at" = CURRENT_TIMESTAMP WHERE "id" = 1;
  DELETE FROM "data_change_pending" WHERE "id" = NEW."id";
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "data_change_pending_commit" AFTER INSERT ON "data_change_pending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "atlas_commit_data_version"();
