-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('COUNTRY', 'GROUP', 'AGGREGATE');

-- CreateEnum
CREATE TYPE "ValueKind" AS ENUM ('NUMBER', 'SHARE', 'STANCE');

-- CreateEnum
CREATE TYPE "PeriodType" AS ENUM ('YEAR', 'MARKETING_YEAR', 'PARTIAL_YEAR', 'MULTI_YEAR');

-- CreateEnum
CREATE TYPE "ObservationStatus" AS ENUM ('REPORTED', 'ESTIMATE', 'APPROXIMATE', 'LOWER_BOUND', 'DISPUTED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'EDITOR', 'ADMIN');

-- CreateTable
CREATE TABLE "actor" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "is_focal" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" SERIAL NOT NULL,
    "group_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "joined_on" DATE NOT NULL,
    "left_on" DATE,
    "source_id" INTEGER,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dimension" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "colour" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "dimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "dimension_id" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "value_kind" "ValueKind" NOT NULL,
    "definition" TEXT NOT NULL,
    "methodology" TEXT NOT NULL DEFAULT '',
    "higher_is_more_dependent" BOOLEAN NOT NULL DEFAULT true,
    "partner_side" BOOLEAN NOT NULL DEFAULT false,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observation" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "reporter_id" INTEGER NOT NULL,
    "partner_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "period_type" "PeriodType" NOT NULL DEFAULT 'YEAR',
    "period_label" TEXT NOT NULL DEFAULT '',
    "rank" INTEGER NOT NULL DEFAULT 0,
    "value" DECIMAL(20,6),
    "stance" TEXT,
    "status" "ObservationStatus" NOT NULL DEFAULT 'REPORTED',
    "note" TEXT NOT NULL DEFAULT '',
    "source_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" INTEGER,

    CONSTRAINT "observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "published_on" DATE,
    "accessed_on" DATE,
    "excerpt" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event" (
    "id" SERIAL NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE,
    "precision" TEXT NOT NULL DEFAULT 'day',
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "partner_id" INTEGER,
    "dimension_id" INTEGER,
    "source_id" INTEGER NOT NULL,

    CONSTRAINT "event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "actor_code_key" ON "actor"("code");

-- CreateIndex
CREATE INDEX "membership_member_id_idx" ON "membership"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "membership_group_id_member_id_joined_on_key" ON "membership"("group_id", "member_id", "joined_on");

-- CreateIndex
CREATE UNIQUE INDEX "dimension_key_key" ON "dimension"("key");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_slug_key" ON "indicator"("slug");

-- CreateIndex
CREATE INDEX "indicator_dimension_id_idx" ON "indicator"("dimension_id");

-- CreateIndex
CREATE INDEX "observation_reporter_id_partner_id_year_idx" ON "observation"("reporter_id", "partner_id", "year");

-- CreateIndex
CREATE INDEX "observation_partner_id_idx" ON "observation"("partner_id");

-- CreateIndex
CREATE INDEX "observation_source_id_idx" ON "observation"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "observation_indicator_id_reporter_id_partner_id_year_period_key" ON "observation"("indicator_id", "reporter_id", "partner_id", "year", "period_label", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "source_url_excerpt_key" ON "source"("url", "excerpt");

-- CreateIndex
CREATE INDEX "event_dimension_id_starts_on_idx" ON "event"("dimension_id", "starts_on");

-- CreateIndex
CREATE INDEX "event_partner_id_starts_on_idx" ON "event"("partner_id", "starts_on");

-- CreateIndex
CREATE UNIQUE INDEX "event_starts_on_title_key" ON "event"("starts_on", "title");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "dimension"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "dimension"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event" ADD CONSTRAINT "event_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
