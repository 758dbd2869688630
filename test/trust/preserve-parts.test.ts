/**
 * Issue #15's "done when": real-looking workbooks with a chart, a pivot cache, an external link,
 * custom XML and custom properties, a sensitivity label, threaded comments, web extensions,
 * dynamic-array metadata, printer settings, a VBA project (.xlsm) and non-standard part names go
 * through the whole `generate` workflow. Every part the save does not list as changed comes back
 * byte for byte (same compressed bytes), nothing is dropped, and the result opens with the
 * generated sheets and our highlights (ExcelJS; LibreOffice too when it is installed).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx } from '../../src/adapters/xlsx';
import { readZipEntries, type ZipEntry } from '../../src/adapters/xlsx/zip';
import { generatePlan, generateProgressReport, highlightGaps, loadWorkbook } from '../../src/app/workflow';
import { HIGHLIGHT_MARKER_TERM } from '../../src/core/highlight';
import { MARKER_PREFIX } from '../../src/core/grid';
import { registerWithCap } from '../cli/workbooks';
import { AS_OF } from './helpers';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const PLAIN_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const VBA = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) % 256));
const PRINTER = new Uint8Array(Array.from({ length: 500 }, (_, i) => (i * 17) % 256));

function addRel(xml: string, id: string, type: string, target: string, external = false): string {
  return xml.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ''}/></Relationships>`,
  );
}

function addOverride(xml: string, part: string, type: string): string {
  return xml.replace('</Types>', `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
}

/**
 * The register workbook with everything a practice's real workbook tends to carry that ExcelJS
 * would drop, and its sheets moved to names other producers use.
 */
async function richWorkbook(macro: boolean, otherNames: boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await registerWithCap());
  const text = (name: string) => zip.file(name)!.async('string');
  let types = await text('[Content_Types].xml');
  let wbRels = await text('xl/_rels/workbook.xml.rels');
  let rootRels = await text('_rels/.rels');
  let workbook = await text('xl/workbook.xml');

  // Non-standard part names (as other producers write them): the register sheet at xl/sheets/RiskRegister.xml.
  const registerPart = otherNames ? 'xl/sheets/RiskRegister.xml' : 'xl/worksheets/sheet1.xml';
  const registerXml = await text('xl/worksheets/sheet1.xml');
  if (otherNames) {
    zip.remove('xl/worksheets/sheet1.xml');
    wbRels = wbRels.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/sheets/RiskRegister.xml"');
    types = types.replace('PartName="/xl/worksheets/sheet1.xml"', 'PartName="/xl/sheets/RiskRegister.xml"');
  }
  const sheetRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rIdTc1" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/><Relationship Id="rIdPs1" Type="${REL}/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>`;
  zip.file(registerPart.replace(/([^/]+)$/, '_rels/$1.rels'), sheetRels);
  zip.file(registerPart, registerXml.replace('</worksheet>', '<drawing r:id="rIdDr1"/></worksheet>'));
  zip.file('xl/printerSettings/printerSettings1.bin', PRINTER);
  types = types.replace(
    '</Types>',
    '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>',
  );

  // A chart in a drawing.
  zip.file(
    'xl/drawings/drawing1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Risk chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rIdCh1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdCh1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/charts/chart1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Risk Register'!$C$3:$C$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
  );
  types = addOverride(types, 'xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');
  types = addOverride(types, 'xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');

  // Threaded comments and their people.
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B3" dT="2026-10-01T10:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>Who owns this?</text></threadedComment></ThreadedComments>`,
  );
  zip.file(
    'xl/persons/person.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Dr. Lee" id="{00000000-0000-0000-0000-000000000001}" userId="lee@example.org" providerId="AD"/></personList>`,
  );
  types = addOverride(types, 'xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml');
  types = addOverride(types, 'xl/persons/person.xml', 'application/vnd.ms-excel.person+xml');
  wbRels = addRel(wbRels, 'rIdPe1', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml');

  // A pivot cache, an external link (formulas say [1]), dynamic-array metadata.
  zip.file(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" r:id="rId1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A2:J6" sheet="Risk Register"/></cacheSource><cacheFields count="1"><cacheField name="Risk ID" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  zip.file(
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
  );
  zip.file(
    'xl/pivotCache/pivotCacheRecords1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0"/>`,
  );
  types = addOverride(
    types,
    'xl/pivotCache/pivotCacheDefinition1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  );
  types = addOverride(
    types,
    'xl/pivotCache/pivotCacheRecords1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  );
  wbRels = addRel(wbRels, 'rIdPc1', `${REL}/pivotCacheDefinition`, 'pivotCache/pivotCacheDefinition1.xml');
  zip.file(
    'xl/externalLinks/externalLink1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Rates"/></sheetNames></externalBook></externalLink>`,
  );
  zip.file(
    'xl/externalLinks/_rels/externalLink1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/Finance/Rates.xlsx" TargetMode="External"/></Relationships>`,
  );
  types = addOverride(
    types,
    'xl/externalLinks/externalLink1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
  );
  wbRels = addRel(wbRels, 'rIdEx1', `${REL}/externalLink`, 'externalLinks/externalLink1.xml');
  workbook = workbook.replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rIdEx1"/></externalReferences>');
  workbook = workbook.replace(/(<calcPr[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="7" r:id="rIdPc1"/></pivotCaches>');
  zip.file(
    'xl/metadata.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  );
  types = addOverride(types, 'xl/metadata.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml');
  wbRels = addRel(wbRels, 'rIdMd1', `${REL}/sheetMetadata`, 'metadata.xml');

  // Custom XML, custom document properties, a Purview sensitivity label, web extensions.
  zip.file(
    'customXml/item1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><ct:contentTypeSchema xmlns:ct="http://schemas.microsoft.com/office/2006/metadata/contentType"/>',
  );
  zip.file(
    'customXml/itemProps1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
  );
  zip.file(
    'customXml/_rels/item1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
  );
  types = addOverride(types, 'customXml/itemProps1.xml', 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml');
  wbRels = addRel(wbRels, 'rIdCx1', `${REL}/customXml`, '../customXml/item1.xml');
  zip.file(
    'docProps/custom.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Client"><vt:lpwstr>Acme Dental</vt:lpwstr></property></Properties>',
  );
  types = addOverride(types, 'docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
  rootRels = addRel(rootRels, 'rIdCp1', `${REL}/custom-properties`, 'docProps/custom.xml');
  zip.file(
    'docMetadata/LabelInfo.xml',
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?><clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="{aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}" enabled="1" method="Privileged" siteId="{ffffffff-0000-1111-2222-333333333333}" removed="0"/></clbl:labelList>',
  );
  types = addOverride(types, 'docMetadata/LabelInfo.xml', 'application/vnd.ms-office.classificationlabels+xml');
  rootRels = addRel(
    rootRels,
    'rIdLb1',
    'http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels',
    'docMetadata/LabelInfo.xml',
  );
  zip.file(
    'xl/webextensions/taskpanes.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref xmlns:r="' +
      REL +
      '" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>',
  );
  zip.file(
    'xl/webextensions/_rels/taskpanes.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>',
  );
  zip.file(
    'xl/webextensions/webextension1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{12345678-1234-1234-1234-123456789012}"><we:reference id="wa000000000" version="1.0.0.0" store="en-US" storeType="OMEX"/><we:alternateReferences/><we:properties/><we:bindings/><we:snapshot xmlns:r="' +
      REL +
      '"/></we:webextension>',
  );
  types = addOverride(types, 'xl/webextensions/taskpanes.xml', 'application/vnd.ms-office.webextensiontaskpanes+xml');
  types = addOverride(types, 'xl/webextensions/webextension1.xml', 'application/vnd.ms-office.webextension+xml');
  rootRels = addRel(
    rootRels,
    'rIdWe1',
    'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes',
    'xl/webextensions/taskpanes.xml',
  );

  if (macro) {
    zip.file('xl/vbaProject.bin', VBA);
    types = types.replace(`ContentType="${PLAIN_MAIN}"`, `ContentType="${MACRO_MAIN}"`);
    types = addOverride(types, 'xl/vbaProject.bin', 'application/vnd.ms-office.vbaProject');
    wbRels = addRel(wbRels, 'rIdVba1', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');
  }
  zip.file('[Content_Types].xml', types);
  zip.file('xl/_rels/workbook.xml.rels', wbRels);
  zip.file('_rels/.rels', rootRels);
  zip.file('xl/workbook.xml', workbook);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The parts the save may change (README, LIMITATIONS.md): everything else must come back byte for byte. */
const MAY_CHANGE = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml']);

async function generate(bytes: Uint8Array): Promise<Uint8Array> {
  const port = await openXlsx(bytes);
  const state = await loadWorkbook(port, { asOf: AS_OF });
  await highlightGaps(port, state);
  await generatePlan(port, state);
  await generateProgressReport(port, state);
  return port.save();
}

function byName(entries: ZipEntry[]): Map<string, ZipEntry> {
  return new Map(entries.map((e) => [e.name, e]));
}

describe.each([
  ['an .xlsx with non-standard part names', false, true],
  ['an .xlsm', true, false],
])('%s, with parts ExcelJS would drop, through generate', (_label, macro, otherNames) => {
  let input: Uint8Array;
  let output: Uint8Array;
  const registerPart = otherNames ? 'xl/sheets/RiskRegister.xml' : 'xl/worksheets/sheet1.xml';
  beforeAll(async () => {
    input = await richWorkbook(macro, otherNames);
    output = await generate(input);
  });

  it('copies every part it does not list as changed byte for byte, and drops none', () => {
    const before = byName(readZipEntries(input));
    const after = byName(readZipEntries(output));
    const changed: string[] = [];
    for (const [name, entry] of before) {
      const out = after.get(name);
      expect(out).toBeDefined();
      if (!out) continue;
      const same = out.crc32 === entry.crc32 && Buffer.from(out.raw).equals(Buffer.from(entry.raw)) && out.method === entry.method;
      if (!same) changed.push(name);
    }
    // The register and CAP sheets get our highlight rules; nothing else outside the list changes.
    const sheetsWithRules = changed.filter((n) => !MAY_CHANGE.has(n));
    expect(sheetsWithRules.sort()).toEqual([registerPart, 'xl/worksheets/sheet2.xml'].sort());
    for (const name of [
      'xl/charts/chart1.xml',
      'xl/pivotCache/pivotCacheDefinition1.xml',
      'xl/externalLinks/externalLink1.xml',
      'customXml/item1.xml',
      'docProps/custom.xml',
      'docMetadata/LabelInfo.xml',
      'xl/threadedComments/threadedComment1.xml',
      'xl/webextensions/webextension1.xml',
      'xl/metadata.xml',
      'xl/sharedStrings.xml',
      'xl/printerSettings/printerSettings1.bin',
      registerPart.replace(/([^/]+)$/, '_rels/$1.rels'),
    ]) {
      expect(changed).not.toContain(name);
    }
    if (macro) expect(changed).not.toContain('xl/vbaProject.bin');
  });

  it('keeps the relationships and content types of what it kept, and stays a macro workbook when it was one', async () => {
    const zip = await JSZip.loadAsync(output, { checkCRC32: true });
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(types).toContain(macro ? MACRO_MAIN : PLAIN_MAIN);
    if (macro) expect(types).toContain('application/vnd.ms-office.vbaProject');
    for (const id of ['rIdPe1', 'rIdPc1', 'rIdEx1', 'rIdMd1', 'rIdCx1', ...(macro ? ['rIdVba1'] : [])])
      expect(rels).toContain(`Id="${id}"`);
    expect(workbook).toContain('<externalReference r:id="rIdEx1"/>');
    expect(workbook).toContain('<pivotCache cacheId="7" r:id="rIdPc1"/>');
    // Every part the content types name exists, and every worksheet relationship leads to a part.
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip.file(m[1])).not.toBeNull();
    for (const m of rels.matchAll(/Target="([^"]+)"/g)) {
      if (m[1].startsWith('../')) continue;
      expect(zip.file(m[1].startsWith('/') ? m[1].slice(1) : `xl/${m[1]}`)).not.toBeNull();
    }
  });

  /** What a reader sees: the sheets, our marker on the plan, our rules on the register. */
  async function expectOpens(bytes: Uint8Array): Promise<void> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(
      expect.arrayContaining(['Risk Register', 'Corrective Action Plan', 'Risk Management Plan', 'CAP Progress Report']),
    );
    expect(wb.getWorksheet('Risk Management Plan')!.getCell('Z1').value).toEqual(expect.stringContaining(MARKER_PREFIX));
    const cfs = (wb.getWorksheet('Risk Register') as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] })
      .conditionalFormattings;
    expect(cfs.some((cf) => cf.rules.some((r) => r.formulae?.[0]?.replace(/\s+/g, '').includes(HIGHLIGHT_MARKER_TERM)))).toBe(true);
  }

  (otherNames ? it.skip : it)('opens in ExcelJS with the generated sheets, the settings sheet and our highlights', async () => {
    // (ExcelJS itself reads only sheets named xl/worksheets/sheetN.xml, so not the other variant.)
    await expectOpens(output);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toContain('RiskPlan_Data');
  });

  it('reads back through our reader, and a second run replaces our sheets and keeps the parts', async () => {
    const again = await generate(output);
    const kept = byName(readZipEntries(again));
    for (const e of readZipEntries(input)) {
      if (MAY_CHANGE.has(e.name) || e.name === registerPart || e.name === 'xl/worksheets/sheet2.xml') continue;
      expect(Buffer.from(kept.get(e.name)!.raw).equals(Buffer.from(e.raw))).toBe(true);
    }
    const sheets = (await (await openXlsx(again)).listSheets()).map((s) => s.name);
    expect(sheets.filter((n) => n === 'Risk Management Plan')).toHaveLength(1);
    expect(sheets).toContain('Risk Register');
  });

  const soffice = spawnSync('which', ['soffice']).status === 0;
  (soffice ? it : it.skip)(
    'LibreOffice opens it: converted by LibreOffice, it still has the sheets and our highlights',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'riskplan-lo-'));
      const file = path.join(dir, `book${macro ? '.xlsm' : '.xlsx'}`);
      writeFileSync(file, output);
      const outDir = path.join(dir, 'lo');
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, file],
        { timeout: 120_000, stdio: 'pipe' },
      );
      const converted = path.join(outDir, 'book.xlsx');
      expect(existsSync(converted)).toBe(true);
      await expectOpens(readFileSync(converted));
    },
    130_000,
  );
});
