import { xlsxFile } from '../../../services/xlsx-file';
import { columnName, excelSerial, rowXml, sheetText, type SheetCell } from '../../../services/xlsx-sheet';
import { readXlsx } from '../support/xlsx-reader';

async function toBuffer(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

async function* pagesOf(...pages: SheetCell[][][]): AsyncGenerator<SheetCell[][]> {
  yield* pages;
}

describe('SpreadsheetML cells', () => {
  it('names columns like Excel', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });

  it('turns an instant into a serial day number on the wall clock of a time zone', () => {
    expect(excelSerial(new Date('1900-03-01T00:00:00Z'), 'UTC')).toBe(61);
    expect(excelSerial(new Date('2026-03-01T00:00:00Z'), 'UTC')).toBe(46082);
    // 20:00 UTC is 02:00 the next day in Dhaka.
    expect(excelSerial(new Date('2026-03-01T20:00:00Z'), 'Asia/Dhaka')).toBeCloseTo(46083 + 2 / 24, 10);
    expect(excelSerial(new Date('2026-07-01T12:00:00.500Z'), 'Europe/Prague')).toBeCloseTo(46204 + (14 * 3600 + 0.5) / 86_400, 10);
  });

  it('escapes markup and carries characters XML cannot hold as _xHHHH_', () => {
    expect(sheetText('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
    expect(sheetText('line\r\nnext\ttab\x01')).toBe('line_x000D_\nnext\ttab_x0001_');
    expect(sheetText('literal _x0041_ stays')).toBe('literal _x005F_x0041_ stays');
  });

  it('writes numbers, amounts and dates with their styles and leaves empty cells out', () => {
    const xml = rowXml(7, [{ kind: 'number', value: -5 }, null, { kind: 'amount', decimal: '-1234.50' }, { kind: 'dateTime', serial: 46082.5 }]);
    expect(xml).toBe('<row r="7"><c r="A7"><v>-5</v></c><c r="C7" s="1"><v>-1234.50</v></c><c r="D7" s="2"><v>46082.5</v></c></row>');
  });

  it('refuses values that would corrupt the sheet', () => {
    expect(() => rowXml(2, [{ kind: 'number', value: Number.NaN }])).toThrow(RangeError);
    expect(() => rowXml(2, [{ kind: 'amount', decimal: '12,50' }])).toThrow(RangeError);
  });
});

describe('xlsxFile', () => {
  const columns = [{ header: 'id', width: 10 }, { header: 'name', width: 20 }, { header: 'amount', width: 14 }, { header: 'at', width: 20 }];

  it('packages a workbook whose parts, relationships and content types agree', async () => {
    const book = readXlsx(await toBuffer(xlsxFile('Payments', columns, pagesOf())));
    expect([...book.parts.keys()].sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml',
    ]);
    const types = book.parts.get('[Content_Types].xml')!;
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml']) expect(types).toContain(`PartName="/${part}"`);
    expect(book.parts.get('_rels/.rels')).toContain('Target="xl/workbook.xml"');
    const rels = book.parts.get('xl/_rels/workbook.xml.rels')!;
    expect(rels).toContain('Target="worksheets/sheet1.xml"');
    expect(rels).toContain('Target="styles.xml"');
    expect(book.parts.get('xl/workbook.xml')).toContain('<sheet name="Payments" sheetId="1" r:id="rId1"/>');
    expect(book.rows).toHaveLength(1);
  });

  it('streams pages of rows after a header, with amount and date-time formats applied', async () => {
    const page1: SheetCell[][] = [
      [{ kind: 'number', value: 1 }, { kind: 'text', value: 'Rahim <Uddin> & Sons' }, { kind: 'amount', decimal: '1234.50' }, { kind: 'dateTime', serial: 46083.25 }],
      [{ kind: 'number', value: 2 }, { kind: 'text', value: "'=cmd()" }, { kind: 'amount', decimal: '0.05' }, null],
    ];
    const page2: SheetCell[][] = [[{ kind: 'number', value: 3 }, { kind: 'text', value: 'রহিম\r\nদুই' }, { kind: 'amount', decimal: '-3.00' }, null]];
    const book = readXlsx(await toBuffer(xlsxFile('Payments', columns, pagesOf(page1, page2))));

    const [header, ...rows] = book.rows;
    expect(header!.map((c) => c?.text)).toEqual(['id', 'name', 'amount', 'at']);
    expect(header!.every((c) => c!.type === 'inlineStr' && c!.style === 3)).toBe(true);
    expect(rows.map((r) => r.map((c) => c?.text ?? c?.value))).toEqual([
      [1, 'Rahim <Uddin> & Sons', 1234.5, 46083.25],
      [2, "'=cmd()", 0.05, undefined],
      [3, 'রহিম_x000D_\nদুই', -3, undefined],
    ]);
    expect(rows[1]!.map((c) => c?.ref)).toEqual(['A3', 'B3', 'C3', undefined]);
    expect(book.formatOf(rows[0]![2]!)).toBe('#,##0.00');
    expect(book.formatOf(rows[0]![3]!)).toBe('yyyy-mm-dd hh:mm:ss');
    expect(book.formatOf(rows[0]![0]!)).toBe('General');
    expect(rows[0]![1]!.type).toBe('inlineStr');
    expect(rows[0]![0]!.type).toBeUndefined();
    expect(book.parts.get('xl/worksheets/sheet1.xml')).not.toMatch(/<f>|sharedStrings/);
  });
});
