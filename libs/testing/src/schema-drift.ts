import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

/**
 * Compares a Prisma schema with the catalog of a database where the SQL migrations were applied,
 * and lists every difference (an empty list means they agree). It reads the schema through
 * Prisma's own parser compiled to wasm, so it runs where Prisma's native schema engine does not.
 * Assumes Prisma's default constraint names, which the hand-written migrations follow.
 */

// The wasm build of Prisma's schema parser has no type declarations.
const prismaSchemaWasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
  indexes: DmmfIndex[];
}

const SCALAR_UDT: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Float: 'float8',
  Decimal: 'numeric',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const NATIVE_UDT: Record<string, string> = {
  Text: 'text',
  VarChar: 'varchar',
  Uuid: 'uuid',
  Integer: 'int4',
  BigInt: 'int8',
  Timestamptz: 'timestamptz',
  Timestamp: 'timestamp',
  JsonB: 'jsonb',
  Json: 'json',
  Boolean: 'bool',
};
const CLIENT_SIDE_DEFAULTS = new Set(['uuid', 'cuid', 'nanoid', 'ulid']);
const REFERENTIAL_ACTION: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

export function readDatamodel(schemaPath: string): Datamodel {
  const dmmf = JSON.parse(prismaSchemaWasm.get_dmmf(JSON.stringify({ prismaSchema: [[schemaPath, readFileSync(schemaPath, 'utf8')]] })));
  return dmmf.datamodel as Datamodel;
}

export async function schemaDrift(schemaPath: string, client: Client): Promise<string[]> {
  const datamodel = readDatamodel(schemaPath);
  const differences: string[] = [];
  const query = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];

  const tables = (
    await query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)
  )
    .map((row) => row.table_name)
    .filter((table) => table !== '_prisma_migrations');
  const modelTables = datamodel.models.map((model) => model.dbName ?? model.name);
  for (const table of tables) if (!modelTables.includes(table)) differences.push(`table ${table} only in the database`);
  const modelByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const column = (model: DmmfModel, field: string) => {
    const found = model.fields.find((candidate) => candidate.name === field)!;
    return found.dbName ?? found.name;
  };

  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    if (!tables.includes(table)) {
      differences.push(`table ${table} (model ${model.name}) missing in the database`);
      continue;
    }
    const columns = await query<{
      column_name: string;
      is_nullable: string;
      udt_name: string;
      datetime_precision: number | null;
      column_default: string | null;
    }>(
      `SELECT column_name, is_nullable, udt_name, datetime_precision, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    );
    const byName = new Map(columns.map((row) => [row.column_name, row]));
    const scalars = model.fields.filter((field) => field.kind !== 'object');
    for (const field of scalars) {
      const name = field.dbName ?? field.name;
      const actual = byName.get(name);
      const where = `${table}.${name}`;
      if (!actual) {
        differences.push(`column ${where} missing in the database`);
        continue;
      }
      const expected = expectedColumn(field);
      if (actual.udt_name !== expected.udt) differences.push(`column ${where}: type ${actual.udt_name}, schema says ${expected.udt}`);
      if ((actual.is_nullable === 'YES') !== (field.isList || !field.isRequired))
        differences.push(`column ${where}: nullable ${actual.is_nullable}, schema says ${field.isRequired ? 'required' : 'optional'}`);
      if (expected.precision !== null && actual.datetime_precision !== expected.precision)
        differences.push(`column ${where}: precision ${actual.datetime_precision}, schema says ${expected.precision}`);
      const defaultName = (field.default as { name?: string } | undefined)?.name;
      const wantsDatabaseDefault = field.hasDefaultValue && !(defaultName && CLIENT_SIDE_DEFAULTS.has(defaultName));
      if ((actual.column_default !== null) !== wantsDatabaseDefault)
        differences.push(`column ${where}: database default ${actual.column_default}, schema default ${JSON.stringify(field.default)}`);
    }
    for (const actual of columns) {
      if (!scalars.some((field) => (field.dbName ?? field.name) === actual.column_name))
        differences.push(`column ${table}.${actual.column_name} only in the database`);
    }

    const indexes = (
      await query<{ name: string; pk: boolean; uniq: boolean; cols: string[] }>(
        `SELECT i.relname AS name, ix.indisprimary AS pk, ix.indisunique AS uniq,
           array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols
         FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND t.relname = $1`,
        [table],
      )
    )
      .map((row) => `${row.pk ? 'pk' : row.uniq ? 'unique' : 'index'} ${row.name} (${row.cols.join(',')})`)
      .sort();
    const wantedIndexes = datamodel.indexes
      .filter((index) => index.model === model.name)
      .map((index) => {
        const cols = index.fields.map((field) => column(model, field.name));
        const kind = index.type === 'id' ? 'pk' : index.type === 'unique' ? 'unique' : 'index';
        const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : defaultName(table, cols, index.type === 'unique' ? 'key' : 'idx'));
        return `${kind} ${name} (${cols.join(',')})`;
      })
      .sort();
    for (const index of wantedIndexes) if (!indexes.includes(index)) differences.push(`${table}: ${index} missing in the database`);
    for (const index of indexes) if (!wantedIndexes.includes(index)) differences.push(`${table}: ${index} only in the database`);

    const foreignKeys = (
      await query<{ name: string; del: string; upd: string; ref: string; cols: string[]; refcols: string[] }>(
        `SELECT c.conname AS name, c.confdeltype AS del, c.confupdtype AS upd, rt.relname AS ref,
           array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
           array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS refcols
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class rt ON rt.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace WHERE c.contype = 'f' AND n.nspname = 'public' AND t.relname = $1`,
        [table],
      )
    )
      .map(
        (row) => `fk ${row.name} (${row.cols}) -> ${row.ref}(${row.refcols}) onDelete=${REFERENTIAL_ACTION[row.del]} onUpdate=${REFERENTIAL_ACTION[row.upd]}`,
      )
      .sort();
    const wantedForeignKeys = model.fields
      .filter((field) => field.kind === 'object' && field.relationFromFields?.length)
      .map((field) => {
        const target = modelByName.get(field.type)!;
        const cols = field.relationFromFields!.map((name) => column(model, name));
        const refcols = field.relationToFields!.map((name) => column(target, name));
        const optional = field.relationFromFields!.some((name) => !model.fields.find((candidate) => candidate.name === name)!.isRequired);
        const onDelete = field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict');
        return `fk ${defaultName(table, cols, 'fkey')} (${cols}) -> ${target.dbName ?? target.name}(${refcols}) onDelete=${onDelete} onUpdate=${field.relationOnUpdate ?? 'Cascade'}`;
      })
      .sort();
    for (const key of wantedForeignKeys) if (!foreignKeys.includes(key)) differences.push(`${table}: ${key} missing in the database`);
    for (const key of foreignKeys) if (!wantedForeignKeys.includes(key)) differences.push(`${table}: ${key} only in the database`);
  }
  return differences;
}

function expectedColumn(field: DmmfField): { udt: string; precision: number | null } {
  let udt: string;
  let precision: number | null = null;
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    udt = NATIVE_UDT[name] ?? name.toLowerCase();
    if (name === 'Timestamptz' || name === 'Timestamp') precision = args[0] !== undefined ? Number(args[0]) : 6;
  } else {
    udt = SCALAR_UDT[field.type] ?? field.type;
    if (field.type === 'DateTime') precision = 3;
  }
  return { udt: field.isList ? `_${udt}` : udt, precision };
}

/** Postgres truncates identifiers to 63 bytes; Prisma truncates the prefix so the suffix survives. */
function defaultName(table: string, cols: string[], suffix: string): string {
  const name = `${table}_${cols.join('_')}_${suffix}`;
  return name.length <= 63 ? name : `${`${table}_${cols.join('_')}`.slice(0, 63 - suffix.length - 1)}_${suffix}`;
}
