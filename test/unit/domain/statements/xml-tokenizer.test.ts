import { XmlHandler, XmlSyntaxError, XmlTokenizer } from '../../../../domain/statements/xml-tokenizer';

type Token = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

function tokens(chunks: readonly string[]): Token[] {
  const out: Token[] = [];
  const handler: XmlHandler = {
    open: (name, attributes) => out.push(['open', name, { ...attributes }]),
    text: (text) => {
      const last = out[out.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else out.push(['text', text]);
    },
    close: (name) => out.push(['close', name]),
  };
  const tokenizer = new XmlTokenizer(handler);
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  return out;
}

function failure(xml: string): XmlSyntaxError {
  try {
    tokens([xml]);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlSyntaxError);
    return error as XmlSyntaxError;
  }
  throw new Error('expected a syntax error');
}

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Document>
<!-- statement <b>not</b> markup -->
<ns:Document xmlns:ns="urn:x" a='1 &amp; 2'>
  <Amt Ccy="CZK">1 &lt; 2 &gt; 0 &quot;ok&quot; &apos;&#382;&#x10D;</Amt>
  <Ustrd><![CDATA[<raw> & ]] stays]]></Ustrd><Empty/><E2 x="a>b" />
</ns:Document>
`;

const EXPECTED: Token[] = [
  ['open', 'Document', { ns: 'urn:x', a: '1 & 2' }],
  ['text', '\n  '],
  ['open', 'Amt', { Ccy: 'CZK' }],
  ['text', '1 < 2 > 0 "ok" \'žč'],
  ['close', 'Amt'],
  ['text', '\n  '],
  ['open', 'Ustrd', {}],
  ['text', '<raw> & ]] stays'],
  ['close', 'Ustrd'],
  ['open', 'Empty', {}],
  ['close', 'Empty'],
  ['open', 'E2', { x: 'a>b' }],
  ['close', 'E2'],
  ['text', '\n'],
  ['close', 'Document'],
];

describe('XmlTokenizer', () => {
  it('reports elements without prefixes, attributes, text, entities and CDATA; skips declaration, DOCTYPE and comments', () => {
    expect(tokens([SAMPLE])).toEqual(EXPECTED);
  });

  it('gives the same tokens however the input is split into chunks', () => {
    for (let size = 1; size <= 12; size++) {
      const chunks = Array.from({ length: Math.ceil(SAMPLE.length / size) }, (_, i) => SAMPLE.slice(i * size, (i + 1) * size));
      expect(tokens(chunks)).toEqual(EXPECTED);
    }
    for (let cut = 0; cut <= SAMPLE.length; cut++) expect(tokens([SAMPLE.slice(0, cut), SAMPLE.slice(cut)])).toEqual(EXPECTED);
  });

  it('reports the line where an error starts', () => {
    const tokenizer = new XmlTokenizer({ open: () => undefined, text: () => undefined, close: () => undefined });
    tokenizer.write('<a>\n<b>\n<c>');
    expect(tokenizer.currentLine).toBe(3);
    expect(failure('<a>\n\n<b></c></a>').line).toBe(3);
  });

  it.each([
    ['<a></b>', '</b> closes <a>'],
    ['<a>', 'file ends inside <a>'],
    ['<a></a><b/>', 'second root element <b>'],
    ['text<a/>', 'text outside the root element'],
    ['', 'no root element'],
    ['<a>&unknown;</a>', "unknown or unterminated entity in '&unknown;'"],
    ['<a>AT&T</a>', "unknown or unterminated entity in 'AT&T'"],
    ['<a>&#0;</a>', 'character reference &#0; is not allowed'],
    ['<a b="1" c></a>', 'malformed attributes in <a>'],
    ['<1a/>', "invalid element name '1a'"],
    ['<a><!-- open', "missing '-->'"],
    ['<a x="<"/>', 'malformed attributes in <a>'],
    ['<a <b>', "'<' inside a tag"],
    ['<!DOCTYPE a [<!ENTITY x "boom">]><a/>', 'DOCTYPE with an internal subset is not accepted'],
    ['</a>', '</a> without an open element'],
    ['<a', 'unterminated tag'],
  ])('rejects %j', (xml, reason) => {
    expect(failure(xml).reason).toBe(reason);
  });
});
