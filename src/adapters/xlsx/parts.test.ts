/**
 * The small pieces under the reader and the writer: the XML tokenizer fed in arbitrary pieces,
 * shared formulas moved to their cells, styles appended without disturbing the user's, and the
 * highlight patch at its schema position.
 */
import { isDateFormat, readDateStyles, StylesPatch, MINIMAL_STYLES_XML } from './styles';
import { shiftFormula } from './formula';
import { patchHighlights, removeOwnRulesXml } from './highlights';
import { attr, cellText, XmlScanner } from './xml';
import { HIGHLIGHT_MARKER_TERM, type HighlightRule } from '../../core/highlight';

function tokens(xml: string, pieceSize: number): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner({
    open: (name, attrs, self) => out.push(`<${name}${attrs}${self ? '/' : ''}>`),
    text: (t) => {
      if (out.length > 0 && out[out.length - 1].startsWith('T:')) out[out.length - 1] += t;
      else out.push(`T:${t}`);
    },
    close: (name) => out.push(`</${name}>`),
  });
  for (let i = 0; i < xml.length; i += pieceSize) scanner.write(xml.slice(i, i + pieceSize));
  scanner.end();
  return out;
}

describe('XmlScanner', () => {
  const xml =
    '<?xml version="1.0"?><x:root a="1>2" b=\'q"\'><!-- a <comment> --><x:c r="A1">Tom &amp; Jerry &lt;3 &#x263A;&#65;</x:c><![CDATA[<raw>]]><e/></x:root>';

  it('gives the same tokens however the text is cut into pieces', () => {
    const whole = tokens(xml, xml.length);
    expect(whole).toEqual(['<root a="1>2" b=\'q"\'>', '<c r="A1">', 'T:Tom & Jerry <3 ☺A', '</c>', 'T:<raw>', '<e/>', '</e>', '</root>']);
    for (const size of [1, 2, 3, 5, 7, 13]) expect(tokens(xml, size)).toEqual(whole);
  });

  it('reads attributes by local name, whatever their quotes and prefixes', () => {
    expect(attr(' name="A &amp; B" r:id=\'rId7\' sheetId="3"', 'id')).toBe('rId7');
    expect(attr(' name="A &amp; B" r:id=\'rId7\' sheetId="3"', 'name')).toBe('A & B');
    expect(attr(' sheetId="3"', 'id')).toBeNull();
  });

  it('escapes cell text, including a literal _x0041_ Excel would decode', () => {
    expect(cellText('a < b & "c"')).toBe('a &lt; b &amp; "c"');
    expect(cellText('code _x0041_')).toBe('code _x005F_x0041_');
    expect(cellText('bell\u0007')).toBe('bell');
  });
});

describe('shiftFormula', () => {
  it('moves relative references and leaves absolute ones, strings, sheet names and names alone', () => {
    expect(shiftFormula('C3*D3', 2, 0)).toBe('C5*D5');
    expect(shiftFormula('$C$3+C$3+$C3', 1, 1)).toBe('$C$3+D$3+$C4');
    expect(shiftFormula('IF(A1="B2",\'My Sheet\'!B2,LOG10(A1))', 1, 0)).toBe('IF(A2="B2",\'My Sheet\'!B3,LOG10(A2))');
    expect(shiftFormula('SUM(Table1[[#This Row],[A1]])+TAX2024', 1, 0)).toBe('SUM(Table1[[#This Row],[A1]])+TAX2025');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});

describe('styles', () => {
  it('knows date formats', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateFormat('"$"#,##0.00')).toBe(false);
    expect(isDateFormat('0.0 "days"')).toBe(false);
    expect(
      readDateStyles(
        '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"><alignment/></xf><xf numFmtId="164"/></cellXfs></styleSheet>',
      ),
    ).toEqual([false, true, true]);
  });

  it("appends formats after the user's, creating missing collections in schema order, counts updated", () => {
    const patch = new StylesPatch(MINIMAL_STYLES_XML);
    const a = patch.cellXf({ bold: true, fill: '#FF0000', border: 'all', wrap: true }, 'date');
    const b = patch.cellXf({ bold: true, fill: '#FF0000', border: 'all', wrap: true }, 'date');
    const d = patch.dxf('#FFF2CC', '#7F6000');
    expect([a, b, d]).toEqual([1, 1, 0]);
    const xml = patch.finish();
    expect(xml).toMatch(/<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"\/><\/numFmts><fonts count="2">/);
    expect(xml).toContain(
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="1"',
    );
    expect(xml).toMatch(/<\/cellStyles><dxfs count="1"><dxf>/);
    // The default font's name is the workbook's own.
    expect(xml).toMatch(/<font><b\/><sz val="11"\/><color theme="1"\/><name val="Calibri"\/>/);
  });

  it('keeps a namespace prefix and a self-closing collection', () => {
    const patch = new StylesPatch(
      '<x:styleSheet xmlns:x="main"><x:fonts count="1"><x:font><x:sz val="12"/><x:name val="Aptos Narrow"/></x:font></x:fonts><x:cellXfs count="1"><x:xf numFmtId="0"/></x:cellXfs><x:dxfs count="0"/></x:styleSheet>',
    );
    patch.cellXf({ italic: true }, 'text');
    patch.dxf('#000000', '#FFFFFF');
    const xml = patch.finish();
    expect(xml).toContain('<x:font><x:i/><x:sz val="12"/><x:color theme="1"/><x:name val="Aptos Narrow"/></x:font>');
    expect(xml).toContain('<x:dxfs count="1"><x:dxf>');
    expect(xml).toContain('<x:cellXfs count="2">');
  });
});

describe('highlight patch', () => {
  const rule: HighlightRule = {
    sheet: 'S',
    ranges: 'B3:B5',
    formula: `=AND(${HIGHLIGHT_MARKER_TERM},ISBLANK(A3))`,
    kind: 'missing-owner' as HighlightRule['kind'],
    fill: '#FFF2CC',
    fontColor: '#7F6000',
  };
  const user =
    '<conditionalFormatting sqref="E3:E5"><cfRule type="expression" dxfId="0" priority="4"><formula>E3&gt;=20</formula></cfRule></conditionalFormatting>';
  const ours = `<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="1" priority="5"><formula>AND(N(&quot;RiskPlan&quot;)=0,TRUE)</formula></cfRule></conditionalFormatting>`;
  const sheet = (cf: string) =>
    `<worksheet><sheetData><row r="1"/></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${cf}<dataValidations count="0"/><pageMargins/></worksheet>`;

  it("removes ours, keeps the user's, and inserts the new rules after them, numbered above", () => {
    const styles = new StylesPatch(MINIMAL_STYLES_XML);
    const out = patchHighlights(sheet(user + ours), [rule], styles);
    expect(out.removed).toBe(1);
    expect(out.xml).toBe(
      sheet(
        `${user}<conditionalFormatting sqref="B3:B5"><cfRule type="expression" dxfId="0" priority="5"><formula>AND(N("RiskPlan")=0,ISBLANK(A3))</formula></cfRule></conditionalFormatting>`,
      ).replace('N("RiskPlan")', 'N(&quot;RiskPlan&quot;)'),
    );
  });

  it('goes before the first later element when the sheet has no conditional formats', () => {
    const out = patchHighlights(
      '<worksheet><sheetData/><hyperlinks/><pageMargins/></worksheet>',
      [rule],
      new StylesPatch(MINIMAL_STYLES_XML),
    );
    expect(out.xml).toMatch(/^<worksheet><sheetData\/><conditionalFormatting sqref="B3:B5">.*<\/conditionalFormatting><hyperlinks\/>/);
    expect(removeOwnRulesXml(out.xml).xml).toBe('<worksheet><sheetData/><hyperlinks/><pageMargins/></worksheet>');
  });
});
