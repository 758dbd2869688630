import type { MappingOverride, TableRead } from '../core/model';
import {
  NOT_IN_SHEET,
  buildOverrides,
  chooseRegisterSheet,
  currentMapping,
  mappingConcerns,
  overriddenRoles,
  resetColumn,
  resetHeaderRow,
  resetRegisterSheet,
  roleLabel,
} from './mapping';

const table = {
  kind: 'register',
  sheet: 'Risk Register',
  headerRow: 3,
  headerRows: [3],
  firstRow: 4,
  lastRow: 8,
  columns: {
    risk: { role: 'risk', col: 1, letter: 'B', header: 'Risk', confidence: 0.9, source: 'auto' },
    owner: { role: 'owner', col: 6, letter: 'G', header: 'Owner', confidence: 0.95, source: 'auto' },
  },
  headers: [],
  ambiguities: [],
  scales: {},
  entries: [],
  reason: '',
} as unknown as TableRead;

describe('mapping overrides', () => {
  it('lists the current letter per role and blank for unmapped roles', () => {
    const m = currentMapping(table);
    expect(m.owner).toBe('G');
    expect(m.dueDate).toBe(NOT_IN_SHEET);
    expect(roleLabel('dueDate')).toBe('Due date');
  });

  it('records only changed roles, null for "not in sheet", keeping other sheets and earlier overrides', () => {
    const saved: MappingOverride[] = [
      { sheet: 'CAP', kind: 'cap', columns: { owner: 'C' } },
      { sheet: 'Risk Register', kind: 'register', headerRow: 3, columns: { action: 'F' } },
    ];
    const next = buildOverrides(saved, table, { owner: 'H', risk: 'B', dueDate: NOT_IN_SHEET, status: 'I' });
    expect(next).toContainEqual({ sheet: 'CAP', kind: 'cap', columns: { owner: 'C' } });
    const mine = next.find((o) => o.sheet === 'Risk Register');
    expect(mine).toEqual({
      sheet: 'Risk Register',
      kind: 'register',
      headerRow: 3,
      columns: { action: 'F', owner: 'H', status: 'I' },
    });
    expect(next).toHaveLength(2);
  });

  it('saves "not in sheet" for a role that was mapped', () => {
    const [o] = buildOverrides([], table, { owner: NOT_IN_SHEET });
    expect(o.columns).toEqual({ owner: null });
  });
});

describe('chooseRegisterSheet', () => {
  it('forces one register sheet with its header row, keeping CAP overrides and earlier columns', () => {
    const saved: MappingOverride[] = [
      { sheet: 'CAP', kind: 'cap', columns: { owner: 'C' } },
      { sheet: 'Old Register', kind: 'register', columns: { owner: 'D' } },
      { sheet: 'Risks 2026', kind: 'register', headerRow: 2, columns: { risk: 'B' } },
    ];
    expect(chooseRegisterSheet(saved, 'Risks 2026', 4)).toEqual([
      { sheet: 'CAP', kind: 'cap', columns: { owner: 'C' } },
      { sheet: 'Risks 2026', kind: 'register', headerRow: 4, columns: { risk: 'B' } },
    ]);
    expect(chooseRegisterSheet([], 'Sheet1')).toEqual([{ sheet: 'Sheet1', kind: 'register', columns: {} }]);
  });
});

describe('reset to automatic', () => {
  const saved = [
    { sheet: 'Risk Register', kind: 'register' as const, headerRow: 3, columns: { owner: null, risk: 'B' } },
    { sheet: 'CAP', kind: 'cap' as const, columns: { owner: 'D' } },
  ];

  it('drops one column choice, and a CAP override left empty', () => {
    expect(resetColumn(saved, 'Risk Register', 'register', 'owner')).toEqual([
      { sheet: 'Risk Register', kind: 'register', headerRow: 3, columns: { risk: 'B' } },
      saved[1],
    ]);
    expect(resetColumn(saved, 'CAP', 'cap', 'owner')).toEqual([saved[0]]);
    expect(overriddenRoles(saved, 'Risk Register', 'register')).toEqual(['risk', 'owner']);
  });

  it('drops the header row, or the register sheet choice with its columns', () => {
    expect(resetHeaderRow(saved)).toEqual([{ sheet: 'Risk Register', kind: 'register', columns: { owner: null, risk: 'B' } }, saved[1]]);
    expect(resetRegisterSheet(saved)).toEqual([saved[1]]);
  });
});

describe('mappingConcerns', () => {
  const columns = {
    risk: { role: 'risk' as const, col: 1, letter: 'B', header: 'Likelihood (1-5)', confidence: 1, source: 'override' as const },
    owner: { role: 'owner' as const, col: 2, letter: 'C', header: 'Notes', confidence: 0.4, source: 'auto' as const },
  };
  const headers = [
    { col: 1, letter: 'B', text: 'Likelihood (1-5)' },
    { col: 2, letter: 'C', text: 'Notes' },
  ];

  it('names guessed columns and columns whose values do not fit', () => {
    expect(
      mappingConcerns({
        sheet: 'S',
        columns,
        headers,
        samples: [
          [4, 5, 3],
          ['Call IT', 'x'],
        ],
      }),
    ).toEqual([
      'Risk / finding: column B (“Likelihood (1-5)”) holds ratings, not risk descriptions (“4”, “5”, “3”).',
      'Owner: column C (“Notes”) is a guess: the header is not clear.',
    ]);
  });

  it("gives the reader's reason to check a key column, however sure its header looked", () => {
    const id = {
      role: 'id' as const,
      col: 0,
      letter: 'A',
      header: '#',
      confidence: 0.9,
      source: 'auto' as const,
      check: 'this column holds short codes, all different',
    };
    expect(
      mappingConcerns({ sheet: 'S', columns: { id }, headers: [{ col: 0, letter: 'A', text: '#' }], samples: [['R-1', 'R-2']] }),
    ).toEqual([]);
    const action = {
      ...id,
      role: 'action' as const,
      header: 'Treatment',
      check: 'the header alone does not say; its values look like the action',
    };
    expect(
      mappingConcerns({
        sheet: 'S',
        columns: { action },
        headers: [{ col: 0, letter: 'A', text: 'Treatment' }],
        samples: [['Enable MFA on email']],
      }),
    ).toEqual(['Action: column A (“Treatment”) is a guess: the header alone does not say; its values look like the action.']);
  });
});
