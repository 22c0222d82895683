// Who paid? Clues in order of strength: the line's variable symbol, an invoice number
// quoted in the message, a 'VS:…' written in the message, and finally a payer account
// remembered from earlier manual resolutions. The first three are explicit statements
// by the payer; if they disagree (VS of one customer, invoice number of another) no
// customer is guessed. When none of them names a customer, a specific symbol (some ISPs
// ask for the customer number there) and a payer account remembered from earlier manual
// resolutions are consulted, with the same rule. The constant symbol only classifies the
// payment (e.g. 0308, services) and never identifies anyone.
import { accountMatchKey } from './account-number';
import { MatchCandidate, MatchKey } from './match-types';
import { normalizeSymbol, symbolsInText } from './payment-symbols';
import { StatementLine } from './statement-line';

export interface Identification {
  /** Sorted; one id = identified, several = ambiguous, none = unknown. */
  customerIds: string[];
  matchedBy?: MatchKey;
  /** Invoices the message names, for preferring them when several invoices fit. */
  mentionedInvoiceIds: ReadonlySet<string>;
  detail: string;
}

interface Clue {
  key: MatchKey;
  label: string;
  customerIds: readonly string[];
}

const TOKEN_SEPARATOR = /[^0-9A-Za-z/_-]+/;

/** The words of a payer's message as invoice numbers are compared: uppercase, without edge punctuation. */
export function messageTokens(message: string | undefined): string[] {
  if (!message) return [];
  return message.split(TOKEN_SEPARATOR).map((raw) => raw.replace(/^[-/_]+|[-/_]+$/g, '').toUpperCase()).filter(Boolean);
}

function add(map: Map<string, string[]>, key: string, customerId: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(customerId)) list.push(customerId);
  map.set(key, list);
}

export class CandidateIndex {
  private readonly byReference = new Map<string, string[]>();
  private readonly byAccount = new Map<string, string[]>();
  private readonly byInvoiceNumber = new Map<string, { customerId: string; invoiceId: string }[]>();

  constructor(candidates: readonly MatchCandidate[]) {
    for (const candidate of candidates) {
      const reference = normalizeSymbol(candidate.paymentReference);
      if (reference) add(this.byReference, reference, candidate.customerId);
      for (const account of candidate.knownCounterAccounts ?? []) add(this.byAccount, accountMatchKey(account), candidate.customerId);
      for (const invoice of candidate.openInvoices) {
        const number = invoice.number.trim().toUpperCase();
        this.byInvoiceNumber.set(number, [...(this.byInvoiceNumber.get(number) ?? []), { customerId: candidate.customerId, invoiceId: invoice.id }]);
      }
    }
  }

  identify(line: StatementLine): Identification {
    const clues: Clue[] = [];
    const mentioned = new Set<string>();
    const vs = normalizeSymbol(line.variableSymbol);
    if (vs) clues.push({ key: 'variable_symbol', label: `VS ${vs}`, customerIds: this.byReference.get(vs) ?? [] });
    for (const number of this.invoiceNumbersIn(line.message)) {
      const hits = this.byInvoiceNumber.get(number) ?? [];
      hits.forEach((hit) => mentioned.add(hit.invoiceId));
      clues.push({ key: 'invoice_number', label: `invoice ${number}`, customerIds: hits.map((h) => h.customerId) });
    }
    const inText = symbolsInText(line.message);
    const messageVs = inText.variableSymbol;
    if (messageVs && messageVs !== vs) {
      clues.push({ key: 'message_reference', label: `VS ${messageVs} in the message`, customerIds: this.byReference.get(messageVs) ?? [] });
    }
    let found = clues.filter((clue) => clue.customerIds.length > 0);
    if (found.length === 0) found = this.fallbackClues(line, vs, normalizeSymbol(line.specificSymbol) ?? inText.specificSymbol);
    const customerIds = [...new Set(found.flatMap((clue) => clue.customerIds))].sort();
    const describe = (list: readonly Clue[]) => list.map((clue) => `${clue.label} → ${clue.customerIds.join(', ') || 'nobody'}`).join('; ');
    return {
      customerIds,
      matchedBy: customerIds.length === 1 ? found[0].key : undefined,
      mentionedInvoiceIds: mentioned,
      detail: describe(found.length > 0 ? found : clues) || 'no variable symbol, invoice number or known payer account',
    };
  }

  /** Weaker hints, heard only when the payer named nobody; like the explicit clues, if they disagree nobody is guessed. */
  private fallbackClues(line: StatementLine, vs: string | undefined, ss: string | undefined): Clue[] {
    const clues: Clue[] = [];
    const bySs = ss && ss !== vs ? this.byReference.get(ss) ?? [] : [];
    if (bySs.length > 0) clues.push({ key: 'specific_symbol', label: `SS ${ss}`, customerIds: bySs });
    const byAccount = line.counterAccount ? this.byAccount.get(accountMatchKey(line.counterAccount)) ?? [] : [];
    if (byAccount.length > 0) clues.push({ key: 'counter_account', label: `payer account ${line.counterAccount}`, customerIds: byAccount });
    return clues;
  }

  private invoiceNumbersIn(message: string | undefined): string[] {
    return [...new Set(messageTokens(message).filter((token) => this.byInvoiceNumber.has(token)))];
  }
}
