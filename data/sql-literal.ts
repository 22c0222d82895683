import { escapeLiteral } from 'pg';
import type { Prisma } from '../prisma/generated/client';

// COPY (query) TO STDOUT takes no bind parameters, so a query built with Prisma.sql has its
// values written into the text as SQL literals. Strings go through pg's escapeLiteral
// (quotes doubled; backslashes doubled under E'' so standard_conforming_strings does not
// matter); everything else must be a finite number, a Date or a list of numbers, and any
// other value is refused rather than guessed at.

function literal(value: unknown): string {
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'bigint') return `(${value.toString()})`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot inline ${value} into SQL`);
    return `(${String(value)})`;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('cannot inline an invalid Date into SQL');
    return escapeLiteral(value.toISOString());
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return escapeLiteral(`{${value.join(',')}}`);
  }
  throw new TypeError(`cannot inline a ${typeof value} into SQL: ${String(value).slice(0, 40)}`);
}

/**
 * The text of `sql` with each $n placeholder replaced by its value as a literal. One pass
 * over our own query text, so a value's own characters are never looked at for placeholders.
 */
export function inlineSql(sql: Prisma.Sql): string {
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= sql.values.length) throw new RangeError(`placeholder $${n} has no value`);
    return literal(sql.values[index]);
  });
}
