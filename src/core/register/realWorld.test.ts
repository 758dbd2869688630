/**
 * The rules issue 14 added, one by one on small grids: headers in other languages, headers whose
 * values say otherwise, IDs, residual blocks, tracker semantics and the rows that are not entries.
 */
import { makeGrid, type CellValue } from '../grid';
import { readWorkbookNow } from '../../../test/support/pipeline';
import { assignRoles } from './mapping';
import { matchHeader, matchHeaderAll } from './synonyms';
import { normalizeWords } from './text';
import { parseDate, parseRating, parseStatus } from './values';
import { contradiction, profileColumns } from './profile';

function lettersOf(columns: Record<string, { letter: string } | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, m] of Object.entries(columns)) if (m) out[role] = m.letter;
  return out;
}

describe('normalized words', () => {
  it('ignore case, accents, punctuation, line breaks and padding', () => {
    expect(normalizeWords('  Fecha\nlímite  ')).toBe('fecha limite');
    expect(normalizeWords('Maßnahme')).toBe('massnahme');
    expect(normalizeWords('Sårbarhet')).toBe('sarbarhet');
    expect(normalizeWords('Статус\nриска')).toBe('статус риска');
    expect(normalizeWords('── HIGH RISK ITEMS ──')).toBe('high risk items');
  });
});

describe('the synonym table in other languages', () => {
  it.each([
    ['Riesgo', 'risk'],
    ['Probabilidad', 'likelihood'],
    ['Impacto', 'impact'],
    ['Fecha límite', 'dueDate'],
    ['Responsable', 'owner'],
    ['Eintrittswahrscheinlichkeit', 'likelihood'],
    ['Auswirkung', 'impact'],
    ['Maßnahme', 'action'],
    ['Verantwortlich', 'owner'],
    ['Termin', 'dueDate'],
    ['Probabilità', 'likelihood'],
    ['Impatto', 'impact'],
    ['Attività', 'action'],
    ['Scadenza', 'dueDate'],
    ['Sannsynlighet', 'likelihood'],
    ['Konsekvens', 'impact'],
    ['Tiltak', 'action'],
    ['Ansvarlig', 'owner'],
    ['Frist', 'dueDate'],
    ['Échéance', 'dueDate'],
    ['Descrição do Risco', 'risk'],
    ['Resposta ao Risco', 'action'],
    ['Kans', 'likelihood'],
    ['Maatregel', 'action'],
    ['Вероятность риска', 'likelihood'],
    ['Хозяин\nриска', 'owner'],
    ['Уровень риска', 'level'],
    ['Finding Identifier', 'id'],
    ['Vulnerability ID', 'id'],
    ['CAP Item', 'id'],
    ['POA&M Item', 'id'],
    ['Residual Risk Score', 'residualScore'],
    ['Reviewed Risk', 'residualLevel'],
    ['Target risk', 'residualLevel'],
    ['Original Target Date', 'originalDueDate'],
    ['Revised Target Date', 'dueDate'],
    ['Planned Remediation Date', 'dueDate'],
    ['Target Risk Rating', 'residualLevel'],
    ['Risk Level After Treatment', 'residualLevel'],
    ['Gefährdung', 'risk'],
    ['Umsetzung bis', 'dueDate'],
    ['Description of Nonconformance', 'risk'],
    ['CAPA No.', 'id'],
    ['Expected Resolution Date', 'dueDate'],
    ['Fecha de cierre real', 'completedDate'],
  ])('%s -> %s', (header, role) => {
    expect(matchHeader(header)?.role).toBe(role);
  });

  it('"Status Date" is no status and "Review Date" no due date', () => {
    expect(matchHeader('Status Date')).toBeNull();
    expect(matchHeader('Review Date')?.role).toBe('reviewDate');
  });

  it('a header naming two roles offers both, the first phrase ahead', () => {
    const offers = matchHeaderAll('Weakness Description / Corrective Action Summary').map((m) => m.role);
    expect(offers).toEqual(['action', 'risk']);
  });

  it('a bare "Risk" may be the score or the level, only if its values say so', () => {
    const offers = matchHeaderAll('Riesgo');
    expect(offers.map((m) => [m.role, m.needsValues ?? false])).toEqual([
      ['risk', false],
      ['score', true],
      ['level', true],
    ]);
  });
});

describe('values of other languages', () => {
  it('rating words in several languages and forms', () => {
    for (const [word, label] of [
      ['Alta.', 'High'],
      ['Média', 'Medium'],
      ['Niedrig', 'Low'],
      ['Высокое', 'High'],
      ['Красный', 'High'],
      ['Muy baja.', 'Very Low'],
      ['Crítico.', 'Critical'],
    ]) {
      expect(parseRating(word, null).value?.label).toBe(label);
    }
  });
  it('status words: Overdue and Delayed are not done; Risk Accepted is accepted', () => {
    expect(parseStatus('OVERDUE — AO Notified Mar 3, 2026').status).toBe('Open');
    expect(parseStatus('Delayed').status).toBe('Deferred');
    expect(parseStatus('Risk Accepted').status).toBe('Accepted');
    expect(parseStatus('In Remediation\n(Extension Approved)').status).toBe('In Progress');
    expect(parseStatus('Pendiente ').status).toBe('Open');
    expect(parseStatus('Открыт').status).toBe('Open');
  });
  it('dates: "28-Feb-2026" and "Oct 14, 2025" are dates; "Ongoing" and "30 Days" are not', () => {
    expect(parseDate('28-Feb-2026')?.iso).toBe('2026-02-28');
    expect(parseDate('Oct 14, 2025')?.iso).toBe('2025-10-14');
    expect(parseDate('Ongoing')?.iso).toBeNull();
    expect(parseDate('30 Days')).toMatchObject({ iso: null, kind: 'relative' });
  });
  it("text dates in the registers' languages", () => {
    expect(parseDate('15 de marzo de 2026')?.iso).toBe('2026-03-15');
    expect(parseDate('15. März 2026')?.iso).toBe('2026-03-15');
    expect(parseDate('1er avril 2026')?.iso).toBe('2026-04-01');
    expect(parseDate('15 marzo 2026')?.iso).toBe('2026-03-15');
    expect(parseDate('15 марта 2026 г.')?.iso).toBe('2026-03-15');
    expect(parseDate('constructor 5 2026')?.kind).toBe('invalid');
  });
  it('dotted dates are day-first (03.04.2026 is 3 April); slash dates stay ambiguous alone', () => {
    expect(parseDate('03.04.2026')?.iso).toBe('2026-04-03');
    expect(parseDate('03/04/2026')?.kind).toBe('ambiguous');
  });
  it('an ambiguous slash date reads in the order its column shows elsewhere', () => {
    const g = makeGrid('Riesgos', [
      ['Riesgo', 'Probabilidad', 'Impacto', 'Fecha límite'],
      ['Pérdida de portátil', 'Alta', 'Alta', '28/02/2026'],
      ['Acceso no autorizado', 'Media', 'Alta', '03/04/2026'],
    ]);
    expect(readWorkbookNow([g]).register!.entries.map((e) => e.dueDate?.iso)).toEqual(['2026-02-28', '2026-04-03']);
  });
  it('a "constructor" cell finds no rating and no status', () => {
    expect(parseRating('constructor', null).value).toBeNull();
    expect(parseStatus('constructor').status).toBeNull();
  });
});

describe('roles decided by header and values', () => {
  const grid = (header: string[], rows: CellValue[][]) => makeGrid('Sheet', [header, ...rows]);

  it('never assigns a role the values contradict, and says why', () => {
    const g = grid(
      ['Risk', 'Action', 'Vulnerability', 'Mitigation', 'Level of Risk'],
      [
        ['Ransomware on the file server', '$4,500', 3, 'Offsite backups', 'High'],
        ['Phishing of clinicians', '$1,000', 4, 'MFA on e-mail', 'Medium'],
        ['Lost laptop', '$0', 2, 'Encrypt laptops', 'Low'],
      ],
    );
    const profiles = profileColumns(g, 0, [0, 1, 2, 3, 4]);
    expect(contradiction('action', profiles.get(1)!)).toMatch(/money/);
    expect(contradiction('vulnerability', profiles.get(2)!)).toMatch(/numbers/);
    const m = assignRoles(
      [0, 1, 2, 3, 4].map((col) => ({ col, field: g.values[0][col] as string, group: null })),
      profiles,
    );
    expect(lettersOf(m.columns)).toEqual({ risk: 'A', action: 'D', level: 'E' });
    expect(m.ambiguities.join(' ')).toMatch(/Column B \("Action"\).*money amounts/);
  });

  it('when two columns share a header, the filled one wins', () => {
    const g = grid(
      ['Descripción', 'Riesgo', 'Riesgo ', 'Probabilidad', 'Impacto'],
      [
        ['Falta de respaldo', '#REF!', 9, 3, 3],
        ['Rotación de personal', null, 6, 2, 3],
      ],
    );
    const r = readWorkbookNow([g]);
    expect(lettersOf(r.register!.columns)).toEqual({ risk: 'A', score: 'C', likelihood: 'D', impact: 'E' });
  });

  it('an impact with no likelihood anywhere is the stated level', () => {
    const g = grid(
      ['Finding ID', 'Finding Title', 'Severity', 'Status', 'Owner', 'Target Date'],
      [
        ['F-1', 'No MFA', 'Critical', 'Open', 'IT', 46100],
        ['F-2', 'No BAA', 'High', 'Open', 'Privacy Officer', 46200],
      ],
    );
    const r = readWorkbookNow([g]);
    expect(r.register).toBeNull();
    expect(lettersOf(r.caps[0].columns)).toEqual({ id: 'A', risk: 'B', level: 'C', status: 'D', owner: 'E', dueDate: 'F' });
  });

  it('an empty ID column yields to a column of short, unique codes, marked for checking', () => {
    const g = grid(
      ['Risk ID', 'Ref', 'Risk Description', 'Likelihood', 'Impact'],
      [
        [null, 'A-1', 'Unlocked records room', 2, 3],
        [null, 'A-2', 'Shared EHR login', 4, 4],
        [null, 'B-1', 'No BAA with the billing vendor', 3, 4],
      ],
    );
    // "Ref" is an ID header too; empty it to see the values decide alone.
    g.values[0][1] = 'Key';
    const r = readWorkbookNow([g]);
    expect(r.register!.columns.id).toMatchObject({ letter: 'B', check: expect.stringMatching(/ID column A is empty/) });
    expect(r.register!.entries.map((e) => e.id)).toEqual(['A-1', 'A-2', 'B-1']);
  });

  it('a "#" running number in front of the real IDs yields the ID to them', () => {
    const g = grid(
      ['#', 'ID', 'Finding', 'Corrective Action', 'Due Date', 'Status'],
      [
        [1, 'AUD-7', 'No audit log review', 'Monthly log review', 46100, 'Open'],
        [2, 'AUD-9', 'Shared admin account', 'Personal admin accounts', 46200, 'Open'],
        [3, 'AUD-12', 'No BAA for the fax vendor', 'Sign the BAA', 46300, 'Open'],
      ],
    );
    expect(readWorkbookNow([g]).caps[0].columns.id?.letter).toBe('B');
  });

  it('the same rating headers typed twice: the second block is residual', () => {
    const g = grid(
      ['Hazard', 'E', 'B', 'W', 'R', 'Control', 'E', 'B', 'W', 'R'],
      [
        ['Splinter injury', 3, 3, 1, 9, 'Gloves', 1, 3, 1, 3],
        ['Electric shock', 7, 6, 3, 126, 'Insulate cables', 3, 6, 1, 18],
      ],
    );
    const t = readWorkbookNow([g]).register!;
    expect(lettersOf(t.columns)).toMatchObject({
      risk: 'A',
      impact: 'B',
      likelihood: 'D',
      score: 'E',
      action: 'F',
      residualImpact: 'G',
      residualLikelihood: 'I',
      residualLevel: 'J',
    });
  });
});

describe('rows that are not entries', () => {
  it('guidance and example rows under the header, TOTAL rows and a legend after one blank row', () => {
    const g = makeGrid('Risk Register', [
      ['Risk ID', 'Risk Description', 'Likelihood', 'Impact', 'Owner'],
      ['Guidance', 'Describe the risk in one sentence', '1-5', '1-5', 'Enter the role accountable'],
      ['e.g. R-01', 'e.g. EHR shared login', '1-5', '1-5', 'e.g. Practice Manager'],
      ['R-01', 'Shared EHR login at the front desk', 4, 4, 'Practice Manager'],
      ['R-02', 'No BAA with the billing vendor', 3, 4, 'Privacy Officer'],
      ['TOTAL', null, 7, 8, null],
      [null, null, null, null, null],
      ['Legend', '1 = rare, 5 = almost certain', null, null, null],
      ['High', '15-25', null, null, null],
    ]);
    const r = readWorkbookNow([g]);
    const t = r.register!;
    expect([t.firstRow, t.lastRow, t.entries.length]).toEqual([4, 5, 2]);
    const said = r.issues.map((i) => i.message).join('\n');
    expect(said).toMatch(/Row 2 explains how to fill/);
    expect(said).toMatch(/Row 3 explains how to fill/);
    expect(said).toMatch(/Row 6 is a total/);
    expect(said).toMatch(/Rows 8-9 below the register/);
  });

  it('a merged hazard over rows rated one by one makes one risk per row, each with the hazard', () => {
    const g = makeGrid(
      'Risks',
      [
        ['Hazard', 'Circumstance', 'Likelihood', 'Impact'],
        ['Golf ball injury', 'Rope breaks', 3, 4],
        [null, 'Magnet fails', 2, 4],
        [null, 'Ball path crossed', 4, 4],
      ],
      { merges: [{ top: 1, left: 0, bottom: 3, right: 0 }] },
    );
    const t = readWorkbookNow([g]).register!;
    expect(t.entries.map((e) => e.risk)).toEqual(['Golf ball injury', 'Golf ball injury', 'Golf ball injury']);
  });
});
