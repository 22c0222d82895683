// Just enough XML for bank statements, fed in chunks: elements, attributes, text,
// CDATA and the predefined and numeric entities. Comments, processing instructions and
// a DOCTYPE without an internal subset are skipped; an internal subset is refused, since
// entity definitions are the classic way to make an XML file explode in memory.
// Element and attribute names are reported without their namespace prefix.

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text(text: string): void;
  close(name: string): void;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`XML line ${line}: ${reason}`);
  }
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(?:#x([0-9A-Fa-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));|&/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const SKIPPED: readonly (readonly [string, string])[] = [['<!--', '-->'], ['<?', '?>']];

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export class XmlTokenizer {
  private pending = '';
  private line = 1;
  private readonly stack: string[] = [];
  private rootClosed = false;

  constructor(private readonly handler: XmlHandler) {}

  get currentLine(): number {
    return this.line;
  }

  write(chunk: string): void {
    this.pending += chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    if (this.stack.length > 0) this.fail(`file ends inside <${this.stack[this.stack.length - 1]}>`);
    if (!this.rootClosed) this.fail('no root element');
  }

  private fail(reason: string): never {
    throw new XmlSyntaxError(this.line, reason);
  }

  private drain(final: boolean): void {
    const text = this.pending;
    let at = 0;
    while (at < text.length) {
      const consumed = text[at] === '<' ? this.markup(text, at, final) : this.characters(text, at, final);
      if (consumed === 0) break;
      this.countLines(text, at, at + consumed);
      at += consumed;
    }
    this.pending = text.slice(at);
    if (final && this.pending.length > 0) this.fail('file ends inside markup');
  }

  private countLines(text: string, from: number, to: number): void {
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) this.line++;
  }

  /** Returns how many characters were consumed; 0 means "wait for more input". */
  private characters(text: string, at: number, final: boolean): number {
    const lt = text.indexOf('<', at);
    if (lt === -1 && !final) return 0;
    const raw = text.slice(at, lt === -1 ? text.length : lt);
    if (this.stack.length > 0) this.handler.text(this.decode(raw));
    else if (raw.trim() !== '') this.fail('text outside the root element');
    return raw.length;
  }

  private markup(text: string, at: number, final: boolean): number {
    for (const [open, close] of SKIPPED) {
      if (text.startsWith(open, at)) return this.until(text, at, close, final, () => undefined);
    }
    if (text.startsWith('<![CDATA[', at)) {
      return this.until(text, at, ']]>', final, (end) => {
        if (this.stack.length === 0) this.fail('CDATA outside the root element');
        this.handler.text(text.slice(at + 9, end));
      });
    }
    if (text.startsWith('<!DOCTYPE', at)) {
      return this.until(text, at, '>', final, (end) => {
        if (text.slice(at, end).includes('[')) this.fail('DOCTYPE with an internal subset is not accepted');
      });
    }
    if (text.length - at < 9 && !final && '<![CDATA['.startsWith(text.slice(at))) return 0;
    const end = this.tagEnd(text, at);
    if (end === -1) return final ? this.fail('unterminated tag') : 0;
    if (text[at + 1] === '/') this.closeTag(text.slice(at + 2, end).trim());
    else this.openTag(text.slice(at + 1, end));
    return end + 1 - at;
  }

  private until(text: string, at: number, terminator: string, final: boolean, onComplete: (end: number) => void): number {
    const end = text.indexOf(terminator, at);
    if (end === -1) return final ? this.fail(`missing '${terminator}'`) : 0;
    onComplete(end);
    return end + terminator.length - at;
  }

  /** Index of the '>' closing the tag at `at`, skipping '>' inside quoted attribute values. */
  private tagEnd(text: string, at: number): number {
    let quote = '';
    for (let i = at + 1; i < text.length; i++) {
      const c = text[i];
      if (quote) quote = c === quote ? '' : quote;
      else if (c === '"' || c === "'") quote = c;
      else if (c === '>') return i;
      else if (c === '<') this.fail("'<' inside a tag");
    }
    return -1;
  }

  private openTag(body: string): void {
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameEnd = inner.search(/\s|$/);
    const name = inner.slice(0, nameEnd);
    if (!NAME.test(name)) this.fail(`invalid element name '${name}'`);
    if (this.rootClosed) this.fail(`second root element <${name}>`);
    const attributes: Record<string, string> = {};
    ATTRIBUTE.lastIndex = nameEnd;
    let consumed = nameEnd;
    for (let m = ATTRIBUTE.exec(inner); m; m = ATTRIBUTE.exec(inner)) {
      attributes[localName(m[1])] = this.decode(m[2] ?? m[3]);
      consumed = ATTRIBUTE.lastIndex;
    }
    if (inner.slice(consumed).trim() !== '') this.fail(`malformed attributes in <${name}>`);
    const local = localName(name);
    this.stack.push(local);
    this.handler.open(local, attributes);
    if (selfClosing) this.closeTag(name);
  }

  private closeTag(name: string): void {
    const local = localName(name);
    const expected = this.stack.pop();
    if (expected !== local) this.fail(expected ? `</${local}> closes <${expected}>` : `</${local}> without an open element`);
    this.handler.close(local);
    if (this.stack.length === 0) this.rootClosed = true;
  }

  private decode(raw: string): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(ENTITY, (_whole, hex?: string, dec?: string, named?: string) => {
      if (named) return NAMED[named];
      const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? Number(dec) : NaN;
      if (Number.isNaN(code)) this.fail(`unknown or unterminated entity in '${raw.trim().slice(0, 40)}'`);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail(`character reference &#${code}; is not allowed`);
      return String.fromCodePoint(code);
    });
  }
}
