// Loads the statement fixtures and their expected-outcome files (test/fixtures/statements).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCamt053 } from '../../../../domain/statements/camt053';
import { CsvOptions, parseCsvStatement } from '../../../../domain/statements/csv-statement';
import { parseGpc } from '../../../../domain/statements/gpc';
import { MatchCandidate } from '../../../../domain/statements/match-types';
import { parseMt940 } from '../../../../domain/statements/mt940';
import { ParsedStatement, StatementFormat, StatementHeader, StatementLine } from '../../../../domain/statements/statement-line';

export const FIXTURE_DIR = join(__dirname, '../../../fixtures/statements');

export interface FixtureExpectation {
  file: string;
  format: StatementFormat;
  options: Record<string, unknown>;
  candidates?: string;
  knownIdentities?: string[];
  header?: StatementHeader;
  lines?: StatementLine[];
  outcomes?: Record<string, unknown>[];
  summary?: Record<string, unknown>;
  error?: { lineNo?: number; element?: string; reason: string };
}

export const MATCHED_FIXTURES = [
  'camt053-cz-2026-02',
  'mt940-bd-2026-02',
  'gpc-cz-2026-03',
  'csv-cz-fio-2026-04',
  'csv-bd-bkash-2026-02',
] as const;

export function fixtureBytes(file: string): Buffer {
  return readFileSync(join(FIXTURE_DIR, file));
}

export function expectation(name: string): FixtureExpectation {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8')) as FixtureExpectation;
}

export function candidates(file: string): MatchCandidate[] {
  return (JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as { candidates: MatchCandidate[] }).candidates;
}

export function parseFixture(expected: FixtureExpectation, input: string | Buffer = fixtureBytes(expected.file)): ParsedStatement {
  switch (expected.format) {
    case 'camt053':
      return parseCamt053(input, expected.options);
    case 'mt940':
      return parseMt940(input, expected.options);
    case 'gpc':
      return parseGpc(input, expected.options);
    case 'csv':
      return parseCsvStatement(input, expected.options as unknown as CsvOptions);
  }
}
