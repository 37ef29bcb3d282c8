-- Sources and events are edited in the admin area with optimistic concurrency, like observations.
ALTER TABLE "source" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "event" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
