import internals from '@prisma/internals';
import postgres from 'postgres';

type Column = { type: string; nullable: boolean };
export type SchemaShape = {
  tables: Record<string, Record<string, Column>>;
  /** "table(col1,col2)" for the primary key and every unique index */
  unique: string[];
  /** "table(col1,col2)" for every non-unique index */
  indexes: string[];
  /** "table(cols)->table ON DELETE action" */
  foreignKeys: string[];
  enums: Record<string, string[]>;
};

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUpdatedAt?: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] };

function columnType(field: DmmfField, enums: Set<string>): string {
  if (enums.has(field.type)) return `enum:${field.type}`;
  const native = field.nativeType;
  switch (field.type) {
    case 'String':
      return 'text';
    case 'Int':
      return 'integer';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'Float':
      return 'double precision';
    case 'Json':
      return 'jsonb';
    case 'DateTime':
      if (native?.[0] === 'Date') return 'date';
      if (native?.[0] === 'Timestamptz') return `timestamptz(${native[1][0] ?? 3})`;
      return `timestamp(${native?.[1][0] ?? 3})`;
    case 'Decimal':
      return native?.[0] === 'Decimal' ? `numeric(${native[1].join(',')})` : 'numeric(65,30)';
    default:
      return `unknown:${field.type}`;
  }
}

const ON_DELETE: Record<string, string> = { Cascade: 'CASCADE', Restrict: 'RESTRICT', SetNull: 'SET NULL', NoAction: 'NO ACTION', SetDefault: 'SET DEFAULT' };

/** What schema.prisma says the database should look like, in the same terms as `shapeOfDatabase`. */
export async function shapeOfSchema(datamodel: string): Promise<SchemaShape> {
  const dmmf = (await internals.getDMMF({ datamodel })) as unknown as {
    datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string; dbName?: string | null }[] }[]; indexes: DmmfIndex[] };
  };
  const enumNames = new Set(dmmf.datamodel.enums.map((e) => e.name));
  const shape: SchemaShape = { tables: {}, unique: [], indexes: [], foreignKeys: [], enums: {} };
  for (const e of dmmf.datamodel.enums) shape.enums[e.name] = e.values.map((v) => v.dbName ?? v.name);
  const tableOf = new Map<string, string>();
  const columnOf = new Map<string, string>();
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    tableOf.set(model.name, table);
    const columns: Record<string, Column> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const column = field.dbName ?? field.name;
      columnOf.set(`${model.name}.${field.name}`, column);
      columns[column] = { type: columnType(field, enumNames), nullable: !field.isRequired };
    }
    shape.tables[table] = columns;
  }
  for (const index of dmmf.datamodel.indexes) {
    const cols = index.fields.map((f) => columnOf.get(`${index.model}.${f.name}`) ?? f.name).join(',');
    const entry = `${tableOf.get(index.model)}(${cols})`;
    if (index.type === 'id' || index.type === 'unique') shape.unique.push(entry);
    else shape.indexes.push(entry);
  }
  for (const model of dmmf.datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const from = field.relationFromFields.map((f) => columnOf.get(`${model.name}.${f}`) ?? f).join(',');
      const onDelete = ON_DELETE[field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')];
      shape.foreignKeys.push(`${tableOf.get(model.name)}(${from})->${tableOf.get(field.type)} ON DELETE ${onDelete}`);
    }
  }
  return normalise(shape);
}

/** The shape of the migrated database's public schema. */
export async function shapeOfDatabase(url: string): Promise<SchemaShape> {
  const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  try {
    const shape: SchemaShape = { tables: {}, unique: [], indexes: [], foreignKeys: [], enums: {} };
    const columns = await sql<{ table_name: string; column_name: string; is_nullable: string; data_type: string; udt_name: string; numeric_precision: number | null; numeric_scale: number | null; datetime_precision: number | null }[]>`
      SELECT table_name, column_name, is_nullable, data_type, udt_name, numeric_precision, numeric_scale, datetime_precision
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
    for (const c of columns) {
      let type: string = c.data_type;
      if (c.data_type === 'USER-DEFINED') type = `enum:${c.udt_name}`;
      else if (c.data_type === 'numeric') type = `numeric(${c.numeric_precision},${c.numeric_scale})`;
      else if (c.data_type === 'timestamp without time zone') type = `timestamp(${c.datetime_precision})`;
      else if (c.data_type === 'timestamp with time zone') type = `timestamptz(${c.datetime_precision})`;
      (shape.tables[c.table_name] ??= {})[c.column_name] = { type, nullable: c.is_nullable === 'YES' };
    }
    const indexes = await sql<{ table_name: string; is_unique: boolean; columns: string; partial: boolean }[]>`
      SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indpred IS NOT NULL AS partial,
             string_agg(a.attname, ',' ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY ix.indexrelid, t.relname, ix.indisunique, ix.indpred`;
    for (const index of indexes) {
      const entry = `${index.table_name}(${index.columns})${index.partial ? ' PARTIAL' : ''}`;
      (index.is_unique ? shape.unique : shape.indexes).push(entry);
    }
    const fks = await sql<{ table_name: string; columns: string; target: string; on_delete: string }[]>`
      SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS target,
             (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
             CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END AS on_delete
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`;
    for (const fk of fks) shape.foreignKeys.push(`${unquote(fk.table_name)}(${fk.columns})->${unquote(fk.target)} ON DELETE ${fk.on_delete}`);
    const enums = await sql<{ name: string; value: string }[]>`
      SELECT t.typname AS name, e.enumlabel AS value
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`;
    for (const e of enums) (shape.enums[e.name] ??= []).push(e.value);
    return normalise(shape);
  } finally {
    await sql.end();
  }
}

const unquote = (name: string) => name.replace(/^"|"$/g, '');

function normalise(shape: SchemaShape): SchemaShape {
  return { ...shape, unique: [...shape.unique].sort(), indexes: [...shape.indexes].sort(), foreignKeys: [...shape.foreignKeys].sort() };
}

/** Human-readable differences; empty when the two agree. */
export function diffShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  const tables = new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)]);
  for (const table of [...tables].sort()) {
    const e = expected.tables[table];
    const a = actual.tables[table];
    if (!e) { out.push(`table ${table} exists in the database but not in schema.prisma`); continue; }
    if (!a) { out.push(`table ${table} is in schema.prisma but not in the database`); continue; }
    for (const column of [...new Set([...Object.keys(e), ...Object.keys(a)])].sort()) {
      const ec = e[column];
      const ac = a[column];
      if (!ec) out.push(`${table}.${column} exists in the database but not in schema.prisma`);
      else if (!ac) out.push(`${table}.${column} is in schema.prisma but not in the database`);
      else {
        if (ec.type !== ac.type) out.push(`${table}.${column}: type ${ec.type} in schema.prisma, ${ac.type} in the database`);
        if (ec.nullable !== ac.nullable) out.push(`${table}.${column}: ${ec.nullable ? 'nullable' : 'NOT NULL'} in schema.prisma, ${ac.nullable ? 'nullable' : 'NOT NULL'} in the database`);
      }
    }
  }
  const compareList = (what: string, e: string[], a: string[]) => {
    for (const x of e) if (!a.includes(x)) out.push(`${what} ${x} is in schema.prisma but not in the database`);
    for (const x of a) if (!e.includes(x)) out.push(`${what} ${x} exists in the database but not in schema.prisma`);
  };
  compareList('unique constraint', expected.unique, actual.unique);
  compareList('index', expected.indexes, actual.indexes);
  compareList('foreign key', expected.foreignKeys, actual.foreignKeys);
  for (const name of new Set([...Object.keys(expected.enums), ...Object.keys(actual.enums)])) {
    const e = (expected.enums[name] ?? []).join(',');
    const a = (actual.enums[name] ?? []).join(',');
    if (e !== a) out.push(`enum ${name}: [${e}] in schema.prisma, [${a}] in the database`);
  }
  return out;
}
