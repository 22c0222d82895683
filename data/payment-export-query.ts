import { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';
import type { ExportColumn } from '../services/payment-export-columns';
import { logConditions, withSearch, type PaymentLogFilter } from './payment-log';
import { inlineSql } from './sql-literal';

/**
 * `COPY (…) TO STDOUT (FORMAT binary)` of the filtered log, newest first, as `select` (our
 * own column expressions). The search is looked up first, as for a page of the log; the
 * filter's values are written into the text as literals because COPY takes no parameters.
 */
export async function exportCopySql(db: Pick<Db, '$queryRaw'>, filter: PaymentLogFilter, select: string): Promise<string> {
  const resolved = await withSearch(db, filter);
  const query = Prisma.sql`
    select ${Prisma.raw(select)}
      from payments p
      join customers c on c.id = p.customer_id
      left join operators o on o.id = p.operator_id
     where ${logConditions(resolved)}
     order by p.recorded_at desc, p.id desc`;
  return `copy (${inlineSql(query)}) to stdout with (format binary)`;
}

/** A column in a binary form data/copy-binary.ts reads: text, int8, or timestamptz. */
export function typedColumnSql(column: ExportColumn): string {
  switch (column.kind) {
    case 'text':
      return `(${column.sql})::text`;
    case 'integer':
    case 'amount':
      return `(${column.sql})::int8`;
    case 'instant':
      return `(${column.sql})::timestamptz`;
  }
}
