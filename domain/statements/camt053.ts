// ISO 20022 camt.053 (bank-to-customer statement), read element by element as the
// tokenizer streams it: Document/BkToCstmrStmt/Stmt with Acct, Bal and Ntry. Versions
// .001.02 through .001.08+ differ in a few paths (Sts vs Sts/Cd, Dbtr/Nm vs Dbtr/Pty/Nm,
// TxDtls/Amt vs AmtDtls/TxAmt/Amt); both spellings are accepted.
import { CamtAmount, CamtEntry, CamtParty, CamtTransaction, entryLines, newEntry, newTransaction, signedAmount } from './camt053-entry';
import { currencyCode } from './currency';
import { StatementBuilder, StatementRules } from './statement-builder';
import { dateFromIso } from './statement-dates';
import { atLocation, StatementFormatError, StatementLocation } from './statement-format-error';
import { ParsedStatement } from './statement-line';
import { textChunks } from './text-input';
import { XmlHandler, XmlSyntaxError, XmlTokenizer } from './xml-tokenizer';

const STMT_PATH = 'Document/BkToCstmrStmt/Stmt';

interface StatementDraft {
  id?: string;
  from?: string;
  to?: string;
  account?: string;
  opening?: number;
  closing?: number;
  started: boolean;
  /** Of an account the caller did not ask for. */
  skipped: boolean;
}

interface BalanceDraft {
  type?: string;
  amount?: CamtAmount;
  creditDebit?: string;
}

class CamtReader implements XmlHandler {
  /** The open elements' paths ('Document/BkToCstmrStmt/…'), built once per element rather than re-joined. */
  private readonly joined: string[] = [];
  private readonly texts: string[] = [];
  private readonly attributes: Readonly<Record<string, string>>[] = [];
  private statement?: StatementDraft;
  private statementCount = 0;
  private balance?: BalanceDraft;
  private entry?: CamtEntry;
  private entryCount = 0;
  private transaction?: CamtTransaction;
  private nextLineNo = 1;

  constructor(
    readonly builder: StatementBuilder,
    private readonly line: () => number,
  ) {}

  private where(): StatementLocation {
    const element = this.entry ? `Stmt[${this.statementCount}]/Ntry[${this.entryCount}]` : this.joined[this.joined.length - 1];
    return { element, lineNo: this.line() };
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    const at = this.joined.length === 0 ? name : `${this.joined[this.joined.length - 1]}/${name}`;
    this.joined.push(at);
    this.texts.push('');
    this.attributes.push(attributes);
    if (this.joined.length === 1 && name !== 'Document') this.builder.fail(this.where(), `root element is <${name}>, expected <Document>`);
    if (this.joined.length === 2 && name !== 'BkToCstmrStmt') {
      this.builder.fail(this.where(), `<${name}> is not a camt.053 bank-to-customer statement (BkToCstmrStmt)`);
    }
    if (at === STMT_PATH) {
      this.statement = { started: false, skipped: false };
      this.statementCount++;
    } else if (this.statement?.skipped) return;
    else if (at === `${STMT_PATH}/Bal`) this.balance = {};
    else if (at === `${STMT_PATH}/Ntry`) {
      this.startSection();
      this.entry = newEntry();
      this.entryCount++;
    } else if (at === `${STMT_PATH}/Ntry/NtryDtls/TxDtls`) this.transaction = newTransaction();
  }

  text(text: string): void {
    this.texts[this.texts.length - 1] += text;
  }

  close(): void {
    const text = (this.texts.pop() ?? '').trim();
    const attributes = this.attributes.pop() ?? {};
    const at = this.joined[this.joined.length - 1];
    atLocation('camt053', () => this.where(), () => this.assign(at, text, attributes));
    this.joined.pop();
  }

  private assign(at: string, text: string, attributes: Readonly<Record<string, string>>): void {
    if (!at.startsWith(STMT_PATH) || !this.statement) return;
    const stmt = this.statement;
    const rel = at.slice(STMT_PATH.length + 1);
    if (stmt.skipped) {
      if (rel === '') this.statement = undefined;
      return;
    }
    const amount = (): CamtAmount => ({ value: text, currency: currencyCode(attributes.Ccy ?? '') });
    if (this.transaction && rel.startsWith('Ntry/NtryDtls/TxDtls')) {
      if (rel === 'Ntry/NtryDtls/TxDtls') {
        this.entry?.transactions.push(this.transaction);
        this.transaction = undefined;
      } else assignTransaction(this.transaction, rel.slice('Ntry/NtryDtls/TxDtls/'.length), text, amount);
    } else if (this.entry && rel.startsWith('Ntry')) {
      if (rel === 'Ntry') this.finishEntry(this.entry);
      else assignEntry(this.entry, rel.slice('Ntry/'.length), text, amount);
    } else if (this.balance && rel.startsWith('Bal')) {
      if (rel === 'Bal/Tp/CdOrPrtry/Cd') this.balance.type = text;
      else if (rel === 'Bal/Amt') this.balance.amount = amount();
      else if (rel === 'Bal/CdtDbtInd') this.balance.creditDebit = text;
      else if (rel === 'Bal') this.finishBalance(this.balance);
    } else if (rel === 'Id') stmt.id = text;
    else if (rel === 'FrToDt/FrDtTm') stmt.from = dateFromIso(text);
    else if (rel === 'FrToDt/ToDtTm') stmt.to = dateFromIso(text);
    else if (rel === 'Acct/Id/IBAN' || rel === 'Acct/Id/Othr/Id') {
      stmt.account = text;
      stmt.skipped = !this.builder.selects(text);
    }
    else if (rel === 'Acct/Ccy') this.builder.requireCurrency(currencyCode(text), 'statement', this.where());
    else if (rel === '') this.finishStatement(stmt);
  }

  private startSection(): void {
    const stmt = this.statement;
    if (!stmt || stmt.started) return;
    if (!stmt.account) this.builder.fail(this.where(), 'statement has no account (Acct/Id)');
    stmt.started = true;
    this.builder.beginSection({ account: stmt.account, statementId: stmt.id, from: stmt.from, to: stmt.to }, this.where());
  }

  private finishBalance(balance: BalanceDraft): void {
    this.balance = undefined;
    const type = balance.type;
    if (!this.statement || !balance.amount || (type !== 'OPBD' && type !== 'PRCD' && type !== 'CLBD')) return;
    this.builder.requireCurrency(balance.amount.currency, `${type} balance`, this.where());
    const value = signedAmount(balance.amount, balance.creditDebit);
    if (type === 'CLBD') this.statement.closing = value;
    else if (type === 'OPBD' || this.statement.opening === undefined) this.statement.opening = value;
  }

  private finishEntry(entry: CamtEntry): void {
    for (const line of entryLines(entry, this.nextLineNo)) this.builder.addLine(line, this.where());
    this.nextLineNo += Math.max(1, entry.transactions.length);
    this.entry = undefined;
  }

  private finishStatement(stmt: StatementDraft): void {
    this.startSection();
    this.builder.endSection({ openingBalanceMinor: stmt.opening, closingBalanceMinor: stmt.closing }, this.where());
    this.statement = undefined;
  }
}

function assignEntry(entry: CamtEntry, rel: string, text: string, amount: () => CamtAmount): void {
  if (rel === 'Amt') entry.amount = amount();
  else if (rel === 'CdtDbtInd') entry.creditDebit = text;
  else if ((rel === 'Sts' && text) || rel === 'Sts/Cd') entry.status = text;
  else if (rel === 'BookgDt/Dt' || rel === 'BookgDt/DtTm') entry.bookingDate = text;
  else if (rel === 'AcctSvcrRef') entry.bankReference = text || undefined;
  else if (rel === 'AddtlNtryInf') entry.additionalInfo = text || undefined;
  else if (rel === 'RvslInd') entry.reversal = text === 'true' || text === '1';
}

function assignTransaction(tx: CamtTransaction, rel: string, text: string, amount: () => CamtAmount): void {
  if (rel === 'Amt' || rel === 'AmtDtls/TxAmt/Amt') tx.amount = amount();
  else if (rel === 'CdtDbtInd') tx.creditDebit = text;
  else if (rel === 'Refs/EndToEndId') tx.endToEndId = text;
  else if (rel === 'Refs/AcctSvcrRef') tx.bankReference = text || undefined;
  else if (rel === 'RmtInf/Ustrd') tx.unstructured.push(text);
  else if (rel === 'RmtInf/Strd/CdtrRefInf/Ref') tx.creditorReferences.push(text);
  else if (rel === 'AddtlTxInf') tx.additionalInfo = text || undefined;
  else if (rel.startsWith('RltdPties/') || rel.startsWith('RltdAgts/')) assignParty(tx, rel, text);
}

function assignParty(tx: CamtTransaction, rel: string, text: string): void {
  const match = /^(?:RltdPties\/(Dbtr|Cdtr)(?:\/Pty)?\/Nm|RltdPties\/(Dbtr|Cdtr)Acct\/Id\/(?:IBAN|Othr\/Id)|RltdAgts\/(Dbtr|Cdtr)Agt\/FinInstnId\/(?:ClrSysMmbId\/MmbId|Othr\/Id))$/.exec(rel);
  if (!match || !text) return;
  const party: CamtParty = (match[1] ?? match[2] ?? match[3]) === 'Dbtr' ? tx.debtor : tx.creditor;
  if (match[1]) party.name = text;
  else if (match[2]) party.account = text;
  else party.bankCode = text;
}

export function parseCamt053(input: string | Buffer, options: StatementRules = {}): ParsedStatement {
  const builder = new StatementBuilder('camt053', options);
  // The reader asks for the line only while the tokenizer is running, i.e. after it exists.
  const reader: CamtReader = new CamtReader(builder, (): number => tokenizer.currentLine);
  const tokenizer: XmlTokenizer = new XmlTokenizer(reader);
  try {
    for (const chunk of textChunks('camt053', input)) tokenizer.write(chunk);
    tokenizer.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new StatementFormatError('camt053', { lineNo: error.line }, error.reason);
    throw error;
  }
  return builder.finish({ element: 'Document' });
}
