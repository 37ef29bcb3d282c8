-- A database seeded from the first research file takes the December 2026 research set through the import, which
-- refuses a unit that is not a scale of the indicator's own. Three indicators changed their unit in the new set
-- (research/NOTES.md, "Indicator keys"), and one total changed key. Converted here, in place; on a new database
-- (no indicators yet) every statement changes nothing.

-- "% decrease" (a fall of 48% stored as +48) becomes a signed "% change" (−48).
UPDATE "observation" SET "value" = -"value"
WHERE "value" IS NOT NULL AND "indicator_id" IN (SELECT "id" FROM "indicator" WHERE "slug" = 'sipri_arms_imports_change' AND "unit" = '% decrease');
UPDATE "indicator" SET "unit" = '% change', "name" = 'Change in arms imports (SIPRI, window on window)'
WHERE "slug" = 'sipri_arms_imports_change' AND "unit" = '% decrease';

-- "% increase" values are already signed changes (all positive).
UPDATE "indicator" SET "unit" = '% change' WHERE "slug" = 'sipri_arms_exports_change' AND "unit" = '% increase';

-- The categorical stance ("not_joining", "joining") becomes the coded number the new set uses (1 joins, 0 does not),
-- scored as an input of the sanctions-stance alignment (lib/scoring/stance.ts).
UPDATE "observation" SET "value" = CASE "stance" WHEN 'not_joining' THEN 0 WHEN 'joining' THEN 1 END
WHERE "value" IS NULL AND "stance" IN ('not_joining', 'joining')
  AND "indicator_id" IN (SELECT "id" FROM "indicator" WHERE "slug" = 'sanctions_stance' AND "value_kind" = 'STANCE');
UPDATE "indicator" SET "unit" = 'binary (1 = joins EU/US autonomous sanctions, 0 = does not)', "value_kind" = 'NUMBER', "weight" = 1
WHERE "slug" = 'sanctions_stance' AND "value_kind" = 'STANCE';

-- Visitor arrivals: the WORLD figure of the same key is now the total (the separate foreign_visitors_total is merged).
UPDATE "indicator" SET "total_indicator_id" = NULL
WHERE "slug" = 'foreign_arrivals' AND "total_indicator_id" IN (SELECT "id" FROM "indicator" WHERE "slug" = 'foreign_visitors_total');
