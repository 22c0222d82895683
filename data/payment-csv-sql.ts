import type { ExportColumn } from '../services/payment-export-columns';

// The CSV export's lines, formatted by Postgres, so Node neither parses nor formats a
// million rows one field at a time. The rules are csvCell's (services/payment-csv.ts):
// text is always quoted (whatever separator a spreadsheet splits on), an apostrophe goes
// wherever an evaluated cell could start in it, null is an empty field, lines end in CRLF.

// neutraliseFormula's patterns (services/payment-export-columns.ts); most text has none of
// these characters and skips both replacements.
const FORMULA_CHAR = `E'[-=+@\\\\t\\\\r]'`;
const INNER_CELL_START = `E'[\\\\n\\\\r,;\\\\t|](?=[-=+@\\\\t\\\\r])'`;
const FORMULA_START = `E'^([-=+@\\\\t\\\\r])'`;

function textField(expr: string): string {
  const inner = `regexp_replace(${expr}, ${INNER_CELL_START}, E'\\\\&''', 'g')`;
  const safe = `(case when ${expr} ~ ${FORMULA_CHAR} then regexp_replace(${inner}, ${FORMULA_START}, E'''\\\\1') else ${expr} end)`;
  return `coalesce('"' || replace(${safe}, '"', '""') || '"', '')`;
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
