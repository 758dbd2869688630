import { makeGrid, type CellValue } from './grid';
import { effectiveFact, harvestFacts, practiceFromTitle } from './facts';
import { readWorkbookNow, analyzeNow } from '../../test/support/pipeline';
import { buildPlanSheetSliced } from './reports';
import { findCells, makeSettings } from './reports/testing';
import { isoToSerial } from './dates';
import { finish } from './slices';

const HEADER = ['Risk ID', 'Risk Description', 'Likelihood (1-5)', 'Impact (1-5)', 'Mitigation Plan', 'Owner', 'Target Date', 'Status'];
const ROWS: CellValue[][] = [
  ['R-001', 'Shared front-desk EHR login', 4, 4, 'Create individual EHR accounts', 'Practice Manager', isoToSerial('2027-02-15'), 'Open'],
  [
    'R-002',
    'No BAA with the billing company',
    3,
    4,
    'Obtain a signed BAA from the billing company',
    'Privacy Officer',
    isoToSerial('2027-03-01'),
    'Open',
  ],
  ['R-003', 'Laptops not encrypted', 3, 5, 'Enable BitLocker on all laptops', 'Office Manager', isoToSerial('2027-01-31'), 'In Progress'],
];

/** A register of our own whose title rows state the facts, as practices write them. */
function titledRegister() {
  return makeGrid('Risk Register', [
    ['Lakeside Pediatrics - HIPAA Security Risk Register'],
    ['Risk analysis completed 2026-01-12 by Jane Ortiz (Privacy Officer)'],
    ['Prepared by', 'Jane Ortiz', null, 'Approved by:', 'Dr. Alan Smith, Owner'],
    [],
    HEADER,
    ...ROWS,
  ]);
}

describe('harvestFacts', () => {
  it('reads the practice name, the risk analysis date and author, prepared and approved by from title rows', () => {
    const grids = [titledRegister()];
    const facts = harvestFacts(grids, readWorkbookNow(grids));
    expect(facts.practiceName).toEqual({ value: 'Lakeside Pediatrics', sheet: 'Risk Register', cell: 'A1' });
    expect(facts.riskAnalysisDate?.value).toBe('2026-01-12');
    expect(facts.riskAnalysisBy?.value).toBe('Jane Ortiz (Privacy Officer)');
    expect(facts.preparedBy).toEqual({ value: 'Jane Ortiz', sheet: 'Risk Register', cell: 'B3' });
    expect(facts.approvedBy?.value).toBe('Dr. Alan Smith, Owner');
  });

  it('reads label/value pairs on a cover sheet, with a date cell', () => {
    const cover = makeGrid('Cover', [
      ['HIPAA Risk Assessment'],
      ['Organization:', 'Harbor Dental Group'],
      ['Assessment date', isoToSerial('2026-02-03')],
      ['Conducted by', 'BrightPath IT (consultant)'],
    ]);
    const grids = [cover, makeGrid('Risk Register', [HEADER, ...ROWS], { index: 1 })];
    const facts = harvestFacts(grids, readWorkbookNow(grids));
    expect(facts.practiceName?.value).toBe('Harbor Dental Group');
    expect(facts.riskAnalysisDate).toEqual({ value: '2026-02-03', sheet: 'Cover', cell: 'B3' });
    expect(facts.riskAnalysisBy?.value).toBe('BrightPath IT (consultant)');
  });

  it('finds nothing where nothing is stated', () => {
    const grids = [makeGrid('Risk Register', [HEADER, ...ROWS])];
    expect(harvestFacts(grids, readWorkbookNow(grids))).toEqual({});
  });

  it('a title names the practice only when the rest is a document name', () => {
    expect(practiceFromTitle('Sunrise Family Medicine - HIPAA Security Risk Register')).toBe('Sunrise Family Medicine');
    expect(practiceFromTitle('Sunrise Family Medicine HIPAA Security Risk Assessment')).toBe('Sunrise Family Medicine');
    expect(practiceFromTitle('Risk Register - 2026')).toBeNull();
    expect(practiceFromTitle('Risk Register')).toBeNull();
    expect(practiceFromTitle('Notes: see tab 2')).toBeNull();
  });

  it('what the user typed wins over what was found', () => {
    const facts = { practiceName: { value: 'Found Name', sheet: 'Risk Register', cell: 'A1' } };
    expect(effectiveFact(makeSettings({ practiceName: 'Typed Name' }), facts, 'practiceName')).toEqual({
      value: 'Typed Name',
      source: 'settings',
      where: null,
    });
    expect(effectiveFact(makeSettings(), facts, 'practiceName')).toEqual({
      value: 'Found Name',
      source: 'workbook',
      where: "'Risk Register'!A1",
    });
    expect(effectiveFact(makeSettings(), {}, 'practiceName').source).toBeNull();
  });
});

describe('a plan from a register with title-row facts', () => {
  it('prints no MISSING for the facts the workbook states, and says where they were found', () => {
    const grids = [titledRegister()];
    const read = readWorkbookNow(grids);
    const asOf = '2026-11-23';
    const { spec } = finish(
      buildPlanSheetSliced({
        analysis: analyzeNow(read, { asOf }),
        read,
        settings: makeSettings(),
        asOf,
        facts: harvestFacts(grids, read),
      }),
    );
    const missing = findCells(spec, /^MISSING: (practice name|risk analysis date|who conducted the risk analysis|prepared by|approved by)/);
    expect(missing.map((m) => m.cell.value)).toEqual([]);
    expect(findCells(spec, 'Lakeside Pediatrics').length).toBeGreaterThan(0);
    expect(findCells(spec, /Found in the workbook \('Risk Register'!A1\)/).length).toBe(1);
    expect(spec.print.footer.left).toBe('Lakeside Pediatrics');
  });
});
