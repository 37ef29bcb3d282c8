-- The research set of December 2026 (shared/data/research): statuses and period notes come from their own
-- columns, sources carry a publisher and a quality tier, and a source that lists every partner of an indicator
-- for a year (a complete matrix or table) makes a partner's absence a sourced zero.

ALTER TYPE "ObservationStatus" ADD VALUE IF NOT EXISTS 'PARTIAL_YEAR';
ALTER TYPE "ObservationStatus" ADD VALUE IF NOT EXISTS 'FORECAST';

CREATE TYPE "SourceTier" AS ENUM ('OFFICIAL', 'INTL_ORG', 'MAJOR_MEDIA', 'OTHER');
ALTER TABLE "source" ADD COLUMN "tier" "SourceTier";

ALTER TABLE "observation" ADD COLUMN "period_note" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "complete_listing" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "reporter_id" INTEGER NOT NULL,
    "partner_id" INTEGER,
    "year" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "complete_listing_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "complete_listing_indicator_id_year_idx" ON "complete_listing"("indicator_id", "year");
CREATE INDEX "complete_listing_source_id_idx" ON "complete_listing"("source_id");

ALTER TABLE "complete_listing" ADD CONSTRAINT "complete_listing_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "complete_listing" ADD CONSTRAINT "complete_listing_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "complete_listing" ADD CONSTRAINT "complete_listing_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "complete_listing" ADD CONSTRAINT "complete_listing_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER "complete_listing_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "complete_listing" FOR EACH STATEMENT EXECUTE FUNCTION "atlas_bump_data_version"();

-- Research values keep every digit they were published with (Statistical Review cells have up to 15 decimals).
ALTER TABLE "observation" ALTER COLUMN "value" TYPE DECIMAL(38,18);
