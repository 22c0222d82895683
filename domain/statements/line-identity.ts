// A line's identity lets a re-import (or an overlapping statement) recognise lines it has
// already seen. The bank's own entry reference is best; it is qualified by the account
// because references are unique only within one bank's books. Without one, the identity is
// a hash of what the bank states about the line, plus its ordinal among identical lines
// of the file — two equal 500 CZK payments from one payer on one day stay two lines, and
// the same two lines in tomorrow's overlapping statement get the same two identities.
import { createHash } from 'node:crypto';
import { identityAccountKey } from './account-number';
import { StatementLine } from './statement-line';

export type IdentityFields = Omit<StatementLine, 'identity' | 'lineNo' | 'message' | 'counterName' | 'reversal'>;

// Bump when the recipe changes, so old and new identities can never be confused.
const RECIPE = 'settle-statement-line-v1';

export class LineIdentities {
  private readonly account: string;
  private readonly occurrences = new Map<string, number>();

  constructor(account: string) {
    this.account = identityAccountKey(account);
  }

  next(line: IdentityFields): string {
    if (line.bankReference) return `ref:${this.account}:${line.bankReference}`;
    const facts = JSON.stringify([
      RECIPE,
      this.account,
      line.bookingDate,
      line.amountMinor,
      line.currency,
      line.counterAccount ? identityAccountKey(line.counterAccount) : '',
      line.variableSymbol ?? '',
      line.specificSymbol ?? '',
      line.constantSymbol ?? '',
    ]);
    // Keyed by a digest so a 100k-line file does not keep 100k fact strings alive.
    const key = createHash('sha256').update(facts).digest('base64');
    const ordinal = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, ordinal);
    return `sha256:${createHash('sha256').update(`${facts}#${ordinal}`).digest('hex')}`;
  }
}
