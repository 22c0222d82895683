// Damaged statement files never crash a parser: each mutation of a fixture is either a
// StatementFormatError naming where it failed, or a statement whose lines are sound.
import fc from 'fast-check';
import { StatementFormatError } from '../../../../domain/statements/statement-format-error';
import { expectation, fixtureBytes, MATCHED_FIXTURES, parseFixture } from './fixture-files';

const mutation = (bytes: Buffer) =>
  fc.oneof(
    fc.nat({ max: bytes.length }).map((at) => bytes.subarray(0, at)),
    fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at + 1)])),
    fc.tuple(fc.nat({ max: bytes.length }), fc.constantFrom(0x01, 0x03, 0x00, 0x1a, 0x0d)).map(([at, byte]) => Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)])),
    fc.constant(Buffer.from(bytes.toString('latin1'), 'utf8')),
  );

describe.each(MATCHED_FIXTURES)('mutations of %s', (name) => {
  const expected = expectation(name);
  const bytes = fixtureBytes(expected.file);

  it('are a clean format error or a sound statement', () => {
    fc.assert(
      fc.property(mutation(bytes), (input) => {
        try {
          const parsed = parseFixture(expected, input);
          for (const line of parsed.lines) {
            expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
            expect(line.bookingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(line.currency).toBe(parsed.header.currency);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(StatementFormatError);
          const { lineNo, element } = error as StatementFormatError;
          expect(lineNo !== undefined || element !== undefined || name.startsWith('csv')).toBe(true);
        }
      }),
      { numRuns: 150, seed: 14 },
    );
  });
});
