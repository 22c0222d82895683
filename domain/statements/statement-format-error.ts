// A statement file is imported whole or not at all: every parser reports the first
// problem it finds with this error and returns nothing, so a half-read file can never
// be matched as if it were the complete statement.
import { StatementFormat } from './statement-line';

/** Where in the file: a physical line, an XML element path, or both. */
export interface StatementLocation {
  lineNo?: number;
  element?: string;
}

export class StatementFormatError extends Error {
  override readonly name = 'StatementFormatError';
  readonly lineNo?: number;
  readonly element?: string;

  constructor(
    readonly format: StatementFormat,
    where: StatementLocation,
    readonly reason: string,
  ) {
    super(`${format} ${describeLocation(where)}: ${reason}`);
    this.lineNo = where.lineNo;
    this.element = where.element;
  }
}

function describeLocation(where: StatementLocation): string {
  const parts: string[] = [];
  if (where.element !== undefined) parts.push(where.element);
  if (where.lineNo !== undefined) parts.push(`line ${where.lineNo}`);
  return parts.length > 0 ? parts.join(' at ') : 'file';
}

/** Statements of several accounts in one file: the caller names the one to import (StatementRules.account). */
export class SeveralAccountsError extends StatementFormatError {
  constructor(
    format: StatementFormat,
    where: StatementLocation,
    readonly accounts: readonly string[],
  ) {
    super(format, where, `the file holds statements of several accounts (${accounts.join(' and ')}); name the bank account to import one of them`);
  }
}

/** A single field failed to parse; the parser adds the location and rethrows it as StatementFormatError. */
export class FieldFormatError extends Error {
  override readonly name = 'FieldFormatError';
}

/** `where` may be a function, so hot paths only build the location when something fails. */
export function atLocation<T>(format: StatementFormat, where: StatementLocation | (() => StatementLocation), read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FieldFormatError) throw new StatementFormatError(format, typeof where === 'function' ? where() : where, error.message);
    throw error;
  }
}
