-- AlterTable
ALTER TABLE "indicator" ADD COLUMN "total_indicator_id" INTEGER;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_total_indicator_id_fkey" FOREIGN KEY ("total_indicator_id") REFERENCES "indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "data_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "dataset_id" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 1,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_state_pkey" PRIMARY KEY ("id")
);

-- The dataset id tells two databases apart, so a cache filled from one is never served for another.
INSERT INTO "data_state" ("id", "dataset_id") VALUES (1, gen_random_uuid()::text);

-- Statement-level triggers: every write path (app, scripts, psql) bumps the version once per statement.
CREATE FUNCTION "atlas_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_state" SET "version" = "version" + 1, "changed_at" = CURRENT_TIMESTAMP WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "actor_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "actor" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
CREATE TRIGGER "membership_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "membership" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
CREATE TRIGGER "dimension_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dimension" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
CREATE TRIGGER "indicator_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
CREATE TRIGGER "observation_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "observation" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
CREATE TRIGGER "source_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "source" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
CREATE TRIGGER "event_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
