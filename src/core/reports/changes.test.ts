import { diffSnapshotsSliced, riskKey, takeSnapshot } from './changes';
import { dateValue, makeScored } from './testing';
import { planSnapshotSchema } from '../settings';
import { finish } from '../slices';

describe('riskKey', () => {
  it('matches by ID ignoring case and spaces, else by text ignoring case, punctuation and spacing', () => {
    expect(riskKey(' r- 12 ', 'anything')).toBe(riskKey('R-12', 'other text'));
    expect(riskKey(null, 'Laptops are NOT encrypted!')).toBe(riskKey(null, 'laptops   are not encrypted'));
    expect(riskKey(null, 'Laptops are not encrypted')).not.toBe(riskKey(null, 'Desktops are not encrypted'));
    expect(riskKey('R-1', 'x')).not.toBe(riskKey(null, 'R-1'));
  });
});

describe('takeSnapshot', () => {
  it('gives risks with the same key distinct keys in order, so both are tracked', () => {
    const snap = takeSnapshot(
      [makeScored({ entry: { risk: 'No MFA' } }), makeScored({ entry: { risk: 'no mfa.' } }), makeScored({ entry: { risk: 'No MFA' } })],
      '2026-11-23',
      1,
    );
    expect(snap.risks.map((r) => r.key)).toEqual(['text:no mfa', 'text:no mfa#2', 'text:no mfa#3']);
  });

  it('keeps owner, date (ISO or the typed text), status and level, and fits the settings schema', () => {
    const snap = takeSnapshot(
      [
        makeScored({
          level: 'High',
          entry: { id: 'R-1', risk: 'x'.repeat(5000), owner: 'Dana', dueDate: dateValue('Q3 2026'), status: 'Open' },
        }),
        makeScored({ level: null, entry: { id: 'R-2', risk: 'y', dueDate: dateValue('2027-01-31') } }),
      ],
      '2026-11-23',
      4,
    );
    expect(snap.risks[0]).toEqual(expect.objectContaining({ owner: 'Dana', dueDate: 'Q3 2026', status: 'Open', level: 'High' }));
    expect(snap.risks[0].risk).toHaveLength(2000);
    expect(snap.risks[1].dueDate).toBe('2027-01-31');
    expect(planSnapshotSchema.safeParse(snap).success).toBe(true);
  });
});

describe('diffSnapshots', () => {
  const before = takeSnapshot(
    [makeScored({ entry: { id: 'A', owner: 'Dana', status: 'Accepted' } }), makeScored({ entry: { id: 'B', owner: 'dana ' } })],
    '2026-01-01',
    1,
  );

  it('does not report a risk closed again, nor an owner that only changed case or spacing', () => {
    const now = takeSnapshot(
      [makeScored({ entry: { id: 'A', owner: 'Dana', status: 'Complete' } }), makeScored({ entry: { id: 'B', owner: 'Dana' } })],
      '2026-11-23',
      2,
    );
    expect(finish(diffSnapshotsSliced(before, now))).toEqual([]);
  });

  it('reports a blank owner becoming named, and a named owner removed', () => {
    const now = takeSnapshot(
      [makeScored({ entry: { id: 'A', owner: null, status: 'Accepted' } }), makeScored({ entry: { id: 'B', owner: 'Pat' } })],
      '2026-11-23',
      2,
    );
    expect(finish(diffSnapshotsSliced(before, now)).map((c) => [c.kind, c.id, c.before, c.after])).toEqual([
      ['owner-changed', 'A', 'Dana', null],
      ['owner-changed', 'B', 'dana ', 'Pat'],
    ]);
  });
});
