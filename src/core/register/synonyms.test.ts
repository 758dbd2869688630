import { matchColumn, matchHeader, isResidualGroup } from './synonyms';
import { assignRoles, applyOverrides } from './mapping';

describe('matchHeader: one synonym table for registers and CAP trackers', () => {
  it.each([
    ['Finding', 'risk'],
    ['Deficiency', 'risk'],
    ['Weakness Description', 'risk'],
    ['Risk Description', 'risk'],
    ['Corrective Action', 'action'],
    ['Remediation Plan', 'action'],
    ['Mitigation Strategy', 'action'],
    ['Treatment Plan', 'action'],
    ['Risk Owner', 'owner'],
    ['Responsible Party', 'owner'],
    ['Point of Contact', 'owner'],
    ['POC', 'owner'],
    ['Assigned To', 'owner'],
    ['Due Date', 'dueDate'],
    ['Target Date', 'dueDate'],
    ['Scheduled Completion Date', 'dueDate'],
    ['Deadline', 'dueDate'],
    ['Completion Date', 'completedDate'],
    ['Date Closed', 'completedDate'],
    ['Supporting Documents', 'evidence'],
    ['Evidence', 'evidence'],
    ['Artifacts', 'evidence'],
    ['Verified By', 'verifiedBy'],
    ['Validated by', 'verifiedBy'],
    ['Verification Date', 'verifiedDate'],
    ['Root Cause', 'rootCause'],
    ['CAP Element', 'element'],
    ['Requirement', 'element'],
    ['Category of CAP', 'element'],
    ['Priority Tier', 'tier'],
    ['Acceptance Rationale', 'justification'],
    ['Justification', 'justification'],
    ['POAM ID', 'id'],
    ['Risk ID', 'id'],
    ['Ref', 'id'],
    ['#', 'id'],
    ['Likelihood (1-5)', 'likelihood'],
    ['Probability', 'likelihood'],
    ['Impact', 'impact'],
    ['Consequence', 'impact'],
    ['Risk Score', 'score'],
    ['Risk Level', 'level'],
    ['Risk Rating', 'level'],
    ['Residual Risk', 'residualLevel'],
    ['Status', 'status'],
    ['Recommended Safeguard', 'action'],
    ['HIPAA Standard', 'category'],
    ['Review Date', 'reviewDate'],
  ])('%s -> %s', (header, role) => {
    expect(matchHeader(header)?.role).toBe(role);
  });

  it('prefers the longest phrase: "Risk Owner" is an owner, "Risk Treatment" an action', () => {
    expect(matchHeader('Risk Owner')!.role).toBe('owner');
    expect(matchHeader('Risk Number')!.role).toBe('id');
    expect(matchHeader('Risk Treatment')!.role).toBe('action');
  });

  it('blocks look-alikes that are not roles', () => {
    expect(matchHeader('Existing Controls')).toBeNull();
    expect(matchHeader('Asset Value')).toBeNull();
    expect(matchHeader('Date Identified')).toBeNull();
    expect(matchHeader('Comments')).toBeNull();
    expect(matchHeader('')).toBeNull();
    expect(matchHeader('Colour')).toBeNull();
  });

  it('extra words lower the confidence', () => {
    expect(matchHeader('Owner')!.confidence).toBeGreaterThan(matchHeader('Owner of the item')!.confidence);
  });
});

describe('matchColumn: group rows', () => {
  it('turns ratings under a RESIDUAL / target / post-mitigation group into residual roles', () => {
    expect(matchColumn('Likelihood', 'RESIDUAL RISK')!.role).toBe('residualLikelihood');
    expect(matchColumn('Impact', 'Target (post-mitigation)')!.role).toBe('residualImpact');
    expect(matchColumn('Rating', 'Post-mitigation')!.role).toBe('residualLevel');
    // A residual score is its own role; alone (no residual level column) the mapping reads it as the residual level.
    expect(matchColumn('Score', 'Residual')!.role).toBe('residualScore');
    expect(
      assignRoles([
        { col: 0, field: 'Score', group: 'Residual' },
        { col: 1, field: 'Risk', group: null },
      ]).columns.residualLevel?.letter,
    ).toBe('A');
  });
  it('keeps ratings under an inherent group, and non-ratings under a residual group', () => {
    expect(matchColumn('Likelihood', 'Inherent Risk')!.role).toBe('likelihood');
    expect(matchColumn('Owner', 'Residual Risk')!.role).toBe('owner');
  });
  it('lets the field decide over the group: Probability under "Threat" is likelihood', () => {
    expect(matchColumn('Probability', 'Threat')!.role).toBe('likelihood');
  });
  it('a bare "Risk" under a residual or inherent group is a rating, not the description', () => {
    expect(matchColumn('Risk', 'Residual')!.role).toBe('residualLevel');
    expect(matchColumn('Risk', 'Inherent Risk Assessment')!.role).toBe('level');
    expect(matchColumn('Risk Description', 'Inherent')!.role).toBe('risk');
    expect(matchColumn('Risk Description', 'Residual Risk')!.role).toBe('risk');
    expect(matchColumn('Risk', null)!.role).toBe('risk');
  });
  it('isResidualGroup', () => {
    expect(isResidualGroup('Residual Risk')).toBe(true);
    expect(isResidualGroup('Inherent Risk')).toBe(false);
  });
});

describe('assignRoles', () => {
  it('gives a role to its most confident column and reports ties', () => {
    const m = assignRoles([
      { col: 0, field: 'Vulnerability', group: null },
      { col: 1, field: 'Controls', group: null },
      { col: 2, field: 'Corrective Action', group: null },
      { col: 3, field: 'Vulnerability', group: null },
    ]);
    expect(m.columns.action!.letter).toBe('C');
    expect(m.columns.vulnerability!.letter).toBe('A');
    expect(m.ambiguities.join(' ')).toMatch(/Two columns look like the vulnerability: A .* and D/);
    expect(m.runnersUp.action![0].letter).toBe('B');
  });
  it('reports a low-confidence pick instead of hiding it', () => {
    const m = assignRoles([
      { col: 0, field: 'Risk', group: null },
      { col: 1, field: 'Controls', group: null },
    ]);
    expect(m.columns.action!.letter).toBe('B');
    expect(m.ambiguities.some((a) => a.includes('Column B') && a.includes('confirm'))).toBe(true);
  });
  it('overrides: a letter wins with confidence 1 and frees the column; null removes the role', () => {
    const m = assignRoles([
      { col: 0, field: 'Risk', group: null },
      { col: 1, field: 'Notes', group: null },
      { col: 2, field: 'Owner', group: null },
      { col: 3, field: 'Status', group: null },
    ]);
    const problems = applyOverrides(m, { action: 'B', owner: 'A', status: null, dueDate: '1x' });
    expect(m.columns.action).toMatchObject({ col: 1, letter: 'B', confidence: 1, source: 'override', header: 'Notes' });
    expect(m.columns.owner).toMatchObject({ col: 0, source: 'override' });
    expect(m.columns.risk).toBeUndefined();
    expect(m.columns.status).toBeUndefined();
    expect(problems).toHaveLength(1);
  });
});
