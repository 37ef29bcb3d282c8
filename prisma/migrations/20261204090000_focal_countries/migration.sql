-- Any country as the focal country (issue #13): events belong to a relationship (a reporter, optionally a partner),
-- annual exchange rates are sourced data, a figure keeps what was published (value, unit, indicator name) when the
-- import converted or mapped it, and a file's own indicator names are remembered as aliases of a standard concept.

-- Events: every existing event is Turkey's (the research set is Turkey's).
INSERT INTO "actor" ("code", "name", "kind", "is_focal")
SELECT 'TUR', 'Turkey', 'COUNTRY', true
WHERE EXISTS (SELECT 1 FROM "event") AND NOT EXISTS (SELECT 1 FROM "actor" WHERE "code" = 'TUR');

ALTER TABLE "event" ADD COLUMN "reporter_id" INTEGER;
UPDATE "event" SET "reporter_id" = (SELECT "id" FROM "actor" WHERE "code" = 'TUR');
ALTER TABLE "event" ALTER COLUMN "reporter_id" SET NOT NULL;
ALTER TABLE "event" ADD CONSTRAINT "event_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
DROP INDEX "event_starts_on_title_key";
CREATE UNIQUE INDEX "event_reporter_id_starts_on_title_key" ON "event"("reporter_id", "starts_on", "title");
CREATE INDEX "event_reporter_id_starts_on_idx" ON "event"("reporter_id", "starts_on");

-- Annual average exchange rates, units of the currency per US dollar, each with its source.
CREATE TABLE "fx_rate" (
    "id" SERIAL NOT NULL,
    "currency" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "per_usd" DECIMAL(38,18) NOT NULL,
    "source_id" INTEGER NOT NULL,

    CONSTRAINT "fx_rate_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "fx_rate_currency_year_key" ON "fx_rate"("currency", "year");
CREATE INDEX "fx_rate_source_id_idx" ON "fx_rate"("source_id");
ALTER TABLE "fx_rate" ADD CONSTRAINT "fx_rate_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE TRIGGER "fx_rate_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "fx_rate" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();

-- What was published, when the import changed it: the value and unit as printed, the file's indicator name, and the
-- exchange rate used.
ALTER TABLE "observation" ADD COLUMN "original_value" DECIMAL(38,18);
ALTER TABLE "observation" ADD COLUMN "original_unit" TEXT NOT NULL DEFAULT '';
ALTER TABLE "observation" ADD COLUMN "original_indicator" TEXT NOT NULL DEFAULT '';
ALTER TABLE "observation" ADD COLUMN "fx_rate_id" INTEGER;
ALTER TABLE "observation" ADD CONSTRAINT "observation_fx_rate_id_fkey" FOREIGN KEY ("fx_rate_id") REFERENCES "fx_rate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "observation_fx_rate_id_idx" ON "observation"("fx_rate_id");

-- A file's own indicator name, mapped once onto a standard concept (an indicator of the catalogue).
CREATE TABLE "indicator_alias" (
    "name" TEXT NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_alias_pkey" PRIMARY KEY ("name")
);
CREATE INDEX "indicator_alias_indicator_id_idx" ON "indicator_alias"("indicator_id");
ALTER TABLE "indicator_alias" ADD CONSTRAINT "indicator_alias_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE TRIGGER "indicator_alias_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_alias" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();
