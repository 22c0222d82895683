import { worksheetXml, xmlEscape, type SheetCell, type SheetColumn } from './xlsx-sheet';
import { zipStream } from './zip-stream';

// The smallest Office Open XML workbook Excel, LibreOffice and Numbers open without a
// repair prompt: one worksheet, a style sheet, and the relationships that tie them up.

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const contentTypes = XML_HEAD
  + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT}.sheet.main+xml"/>`
  + `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT}.worksheet+xml"/>`
  + `<Override PartName="/xl/styles.xml" ContentType="${CONTENT}.styles+xml"/>`
  + '</Types>';

const rootRels = XML_HEAD
  + `<Relationships xmlns="${PACKAGE_RELS}">`
  + `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>`
  + '</Relationships>';

const workbookRels = XML_HEAD
  + `<Relationships xmlns="${PACKAGE_RELS}">`
  + `<Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>`
  + `<Relationship Id="rId2" Type="${DOC_RELS}/styles" Target="styles.xml"/>`
  + '</Relationships>';

const workbook = (sheetName: string) => XML_HEAD
  + `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}">`
  + `<sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" r:id="rId1"/></sheets>`
  + '</workbook>';

// Positions in cellXfs are the STYLE ids of xlsx-sheet.ts: default, amount, date-time, bold header, text kept text.
const xf = (numFmtId: number, fontId: number, quotePrefix = false) =>
  `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${quotePrefix ? ' quotePrefix="1"' : ''}/>`;
const cellXfs = [xf(0, 0), xf(164, 0), xf(165, 0), xf(0, 1), xf(0, 0, true)];

const styles = XML_HEAD
  + `<styleSheet xmlns="${MAIN}">`
  + '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + `<cellXfs count="${cellXfs.length}">${cellXfs.join('')}</cellXfs>`
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

/** A one-sheet .xlsx as a byte stream; `pages` is read lazily as the archive is written. */
export function xlsxFile(sheetName: string, columns: readonly SheetColumn[], pages: AsyncIterable<readonly (readonly SheetCell[])[]>, createdAt = new Date()): AsyncGenerator<Buffer> {
  return zipStream([
    { name: '[Content_Types].xml', content: [contentTypes] },
    { name: '_rels/.rels', content: [rootRels] },
    { name: 'xl/workbook.xml', content: [workbook(sheetName)] },
    { name: 'xl/_rels/workbook.xml.rels', content: [workbookRels] },
    { name: 'xl/styles.xml', content: [styles] },
    { name: 'xl/worksheets/sheet1.xml', content: worksheetXml(columns, pages) },
  ], createdAt);
}
