import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { diffShapes, shapeOfDatabase, shapeOfSchema, type SchemaShape } from '../../test/support/schema-diff';
import { migrate } from './migrate';

let database: TestDatabase;
let actual: SchemaShape;
const schema = fs.readFileSync('prisma/schema.prisma', 'utf8');

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  actual = await shapeOfDatabase(database.url);
});

afterAll(async () => {
  await database.drop();
});

describe('schema.prisma and the migrations agree', () => {
  it('has the same tables, columns, types, nullability, unique constraints, indexes, foreign keys and enums', async () => {
    const expected = await shapeOfSchema(schema);
    expect(Object.keys(expected.tables).length).toBeGreaterThan(5);
    expect(diffShapes(expected, actual)).toEqual([]);
  });

  it('notices drift: a column added to schema.prisma only, a nullability change, a dropped unique', async () => {
    const drifted = schema
      .replace('  name        String\n  kind', '  name        String\n  isoNumeric  Int?\n  kind')
      .replace('model Dimension {\n  id          Int         @id @default(autoincrement())\n  key         String      @unique\n  label       String\n', 'model Dimension {\n  id          Int         @id @default(autoincrement())\n  key         String\n  label       String?\n');
    expect(drifted).not.toBe(schema);
    const differences = diffShapes(await shapeOfSchema(drifted), actual);
    expect(differences).toEqual(
      expect.arrayContaining([
        'actor.isoNumeric is in schema.prisma but not in the database',
        'dimension.label: nullable in schema.prisma, NOT NULL in the database',
        'unique constraint dimension(key) exists in the database but not in schema.prisma',
      ]),
    );
  });
});
