import type { ExportColumn } from '../services/payment-export-columns';

// The CSV export's lines, formatted by Postgres, so Node neither parses nor formats a
// million rows one field at a time. The rules are csvCell's (services/payment-csv.ts):
// formula-looking text gets a leading apostrophe, text with a comma, quote, CR or LF is
// quoted, null is an empty field, lines end in CRLF.

const FORMULA_START = `E'=+-@\\t\\r'`;

function textField(expr: string): string {
  const safe = `(case when strpos(${FORMULA_START}, left(${expr}, 1)) > 0 then '''' || ${expr} else ${expr} end)`;
  const special = `strpos(${expr}, ',') + strpos(${expr}, '"') + strpos(${expr}, E'\\r') + strpos(${expr}, E'\\n')`;
  return `coalesce(case when ${special} > 0 then '"' || replace(${safe}, '"', '""') || '"' else ${safe} end, '')`;
}

/** One column as CSV text; the expressions are our own constants, never user input. */
function csvFieldSql(column: ExportColumn): string {
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

/** A whole CSV line, CRLF included, as one text value. */
export function csvLineSql(columns: readonly ExportColumn[]): string {
  return `${columns.map(csvFieldSql).join(` || ',' || `)} || E'\\r\\n'`;
}
