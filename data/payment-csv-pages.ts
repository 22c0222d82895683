import { Prisma } from '../prisma/generated/client';
import type { Db } from '../infra/prisma';
import type { ExportColumn } from '../services/payment-export-columns';
import { logConditions, withSearch, type PaymentLogFilter, type PaymentLogKey } from './payment-log';

// The CSV export's rows, formatted by Postgres: each page comes back as one text value,
// so Node neither parses nor formats a million rows one field at a time. The rules are
// csvCell's (services/payment-csv.ts): formula-looking text gets a leading apostrophe,
// text with a comma, quote, CR or LF is quoted, null is an empty field, lines end in CRLF.

const FORMULA_START = `E'=+-@\\t\\r'`;

function textField(expr: string): string {
  const safe = `(case when strpos(${FORMULA_START}, left(${expr}, 1)) > 0 then '''' || ${expr} else ${expr} end)`;
  const special = `strpos(${expr}, ',') + strpos(${expr}, '"') + strpos(${expr}, E'\\r') + strpos(${expr}, E'\\n')`;
  return `coalesce(case when ${special} > 0 then '"' || replace(${safe}, '"', '""') || '"' else ${safe} end, '')`;
}

/** One column as CSV text; the expressions are our own constants, never user input. */
export function csvFieldSql(column: ExportColumn): string {
  switch (column.kind) {
    case 'text':
      return textField(column.sql);
    case 'integer':
      return `coalesce((${column.sql})::text, '')`;
    case 'amount':
      return `((${column.sql})::numeric / 100)::numeric(20, 2)::text`;
    case 'instant':
      return `coalesce(to_char((${column.sql}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;
  }
}

export interface CsvPage {
  text: string;
  rows: number;
  /** Where the next page starts. */
  last: PaymentLogKey | null;
}

/** Pages of CSV lines for the filtered log, newest first, the next page fetched while the last one is sent. */
export async function* csvPages(db: Db, columns: readonly ExportColumn[], filter: PaymentLogFilter, pageSize = 5000): AsyncGenerator<string> {
  const line = Prisma.raw(`${columns.map(csvFieldSql).join(` || ',' || `)} || E'\\r\\n'`);
  const resolved = await withSearch(db, filter);
  const fetchPage = async (after: PaymentLogKey | undefined): Promise<CsvPage> => {
    const [page] = await db.$queryRaw<Array<{ text: string | null; rows: number; lastAt: Date | null; lastId: number | null }>>`
      with page as (
        select p.recorded_at, p.id, ${line} as line
          from payments p
          join customers c on c.id = p.customer_id
          left join operators o on o.id = p.operator_id
         where ${logConditions(resolved, after)}
         order by p.recorded_at desc, p.id desc
         limit ${pageSize})
      select string_agg(line, '' order by recorded_at desc, id desc) as text, count(*)::int as rows,
             (array_agg(recorded_at order by recorded_at, id))[1] as "lastAt", (array_agg(id order by recorded_at, id))[1] as "lastId"
        from page`;
    const last = page?.lastAt && page.lastId !== null ? { recordedAt: page.lastAt, id: page.lastId } : null;
    return { text: page?.text ?? '', rows: page?.rows ?? 0, last };
  };
  let next = fetchPage(undefined);
  for (;;) {
    const page = await next;
    const more = page.rows === pageSize && page.last;
    if (more) {
      next = fetchPage(page.last!);
      next.catch(() => undefined); // awaited on the next turn; this only keeps an early stop from leaving it unhandled
    }
    if (page.rows > 0) yield page.text;
    if (!more) return;
  }
}
