import { TIER_RULES, classifyTier } from './tiers';

/** One example action per row of TIER_RULES, in the same order. */
const EXAMPLES: string[] = [
  'Enable MFA on the e-mail accounts',
  'Collect keys from departed staff',
  'Revoke EHR access on the last day of employment',
  'Update the Notice of Privacy Practices in the waiting room',
  'Update the acceptable use policy',
  'Have every workforce member sign the sanctions agreement',
  'Change all default passwords on the front-desk PCs',
  'Set screen locks after 5 minutes on exam room PCs',
  'Enable BitLocker on all laptops',
  'Execute a BAA with the shredding company',
  'Confirm encryption at rest with the hosting provider',
  'Have the MSP apply monthly patches',
  'Ask the EHR vendor for the audit log export',
  'Get the cloud backup service to document retention',
  'Get the telehealth platform settings documented',
  'Implement network segmentation between clinical and guest traffic',
  'Replace the Windows 7 workstations at reception',
  'Roll out a formal training program for all staff',
  'Commission an external penetration test',
  'Deploy a SIEM for log correlation',
  'Purchase a second backup appliance',
];

describe('TIER_RULES, row by row', () => {
  it('has one example per rule', () => {
    expect(EXAMPLES).toHaveLength(TIER_RULES.length);
  });

  it.each(TIER_RULES.map((rule, i) => ({ i, tier: rule.tier, why: rule.why, example: EXAMPLES[i] })))(
    'row $i ($tier): "$example"',
    ({ i, tier, example }) => {
      const rule = TIER_RULES[i];
      expect(rule.pattern.test(example)).toBe(true);
      const result = classifyTier({ action: example, risk: null, tierText: null });
      expect(result.tier).toBe(tier);
      // The reason quotes a rule's "why" for that tier.
      expect(TIER_RULES.some((r) => r.tier === tier && result.reason.includes(r.why))).toBe(true);
    },
  );
});

describe('classifyTier', () => {
  it('an explicit tier column wins when it names a tier', () => {
    const r = classifyTier({ action: 'Enable MFA', risk: null, tierText: 'Budget' });
    expect(r).toEqual({ tier: 'Budget decisions', reason: 'The sheet\'s tier column says "Budget".' });
    expect(classifyTier({ action: null, risk: null, tierText: 'No budget - this week' }).tier).toBe('This week');
    expect(classifyTier({ action: null, risk: null, tierText: 'Vendor' }).tier).toBe('Vendor conversations');
  });

  it('a tier column that names no tier is ignored', () => {
    expect(classifyTier({ action: 'Enable MFA', risk: null, tierText: 'Phase 2' }).tier).toBe('This week');
  });

  it('falls back to the risk text when there is no action', () => {
    const r = classifyTier({ action: null, risk: 'No BAA with the billing company', tierText: null });
    expect(r.tier).toBe('Vendor conversations');
    expect(r.reason).toMatch(/^The risk mentions "BAA"/);
  });

  it('no matching rule -> Unclassified, saying so', () => {
    const r = classifyTier({ action: 'Talk to Dr. Lee', risk: null, tierText: null });
    expect(r.tier).toBe('Unclassified');
    expect(r.reason).toMatch(/No tier rule matches/);
  });

  it('rules for different tiers -> Unclassified, naming both', () => {
    const r = classifyTier({ action: 'Ask the EHR vendor to enable MFA', risk: null, tierText: null });
    expect(r.tier).toBe('Unclassified');
    expect(r.reason).toMatch(/This week/);
    expect(r.reason).toMatch(/Vendor conversations/);
  });

  it('nothing to classify -> Unclassified', () => {
    expect(classifyTier({ action: ' ', risk: null, tierText: null }).tier).toBe('Unclassified');
  });

  it('does not match inside other words', () => {
    expect(classifyTier({ action: 'Document the comfa process', risk: null, tierText: null }).tier).toBe('Unclassified');
  });
});
