import { Client } from 'pg';
import { SCHEMA_DB, TEMPLATE_DB, testServices } from '../support/test-services';

// globalSetup builds the template database by applying prisma/migrations and a second
// one straight from schema.prisma. Any difference means a migration is missing or edited.
const CATALOG_QUERIES = {
  columns: `select table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
              from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'
             order by 1, 2`,
  indexes: `select tablename, indexname, indexdef from pg_indexes
             where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1, 2`,
  constraints: `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
                  from pg_constraint where connamespace = 'public'::regnamespace
                   and conrelid::regclass::text <> '_prisma_migrations' order by 1, 2`,
  enums: `select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
            from pg_type t join pg_enum e on e.enumtypid = t.oid group by 1 order by 1`,
};

async function catalog(url: string): Promise<Record<string, unknown[]>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) out[name] = (await c.query(sql)).rows;
    return out;
  } finally {
    await c.end();
  }
}

describe('prisma/migrations and schema.prisma', () => {
  it('describe the same database', async () => {
    const { postgresServerUrl } = testServices();
    const fromMigrations = await catalog(`${postgresServerUrl}/${TEMPLATE_DB}`);
    const fromSchema = await catalog(`${postgresServerUrl}/${SCHEMA_DB}`);
    expect(fromMigrations.columns.length).toBeGreaterThan(50);
    expect(fromMigrations).toEqual(fromSchema);
  });
});
