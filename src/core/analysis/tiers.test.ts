import {
  actionParts,
  classifyTier,
  costSignal,
  foldText,
  ownerIsVendor,
  tierChoiceKey,
  TIER_DEMAND,
  vendorDependencySignal,
} from './tiers';
import { analyzeNow } from '../../../test/support/pipeline';
import { makeEntry, makeRead, makeTable } from './testing';

const tier = (action: string | null, extra: Record<string, string | null> = {}) =>
  classifyTier({ action, risk: null, tierText: null, ...extra });

describe('classifyTier', () => {
  it('an explicit tier column wins when it names a tier', () => {
    const r = classifyTier({ action: 'Enable MFA', risk: null, tierText: 'Budget' });
    expect(r.tier).toBe('Budget decisions');
    expect(r.reason).toBe('The sheet\'s tier column says "Budget".');
    expect(r.fromColumn).toBe(true);
    expect(r.guesses[0]).toBe('Budget decisions');
  });

  it('a tier column that names no tier is ignored', () => {
    expect(tier('Enable MFA', { tierText: 'Phase 2' }).tier).toBe('This week');
  });

  it.each([
    ['Enable MFA on the e-mail accounts', 'This week'],
    ['Disable TLS 1.0/1.1 on the portal', 'This week'],
    ['Revoke EHR access on the last day of employment', 'This week'],
    ['Update the Notice of Privacy Practices', 'This week'],
    ['Execute a BAA with the shredding company', 'Vendor conversations'],
    ['Ask the EHR vendor for the audit log export', 'Vendor conversations'],
    ['Replace the Windows 7 workstations at reception', 'Budget decisions'],
    ['Commission an external penetration test', 'Budget decisions'],
    ['Bildschirmsperre nach 5 Minuten einstellen', 'This week'],
    ['Firmar contrato de encargado del tratamiento con el proveedor', 'Vendor conversations'],
    ['Kjøpe ny server', 'Budget decisions'],
  ])('"%s" -> %s', (action, expected) => {
    expect(tier(action).tier).toBe(expected);
  });

  it('a multi-part action takes its most demanding part', () => {
    const r = tier('Enable MFA; purchase hardware tokens for the providers');
    expect(r.tier).toBe('Budget decisions');
    expect(r.reason).toMatch(/purchase/);
    expect(tier('Turn on screen locks and sign a BAA with the IT provider').tier).toBe('Vendor conversations');
  });

  it('an owner that is an outside company makes it a vendor conversation', () => {
    const r = tier('Enable BitLocker on all laptops', { owner: 'IT Vendor (BrightPath IT)' });
    expect(r.tier).toBe('Vendor conversations');
    expect(r.reason).toMatch(/outside company/);
    expect(tier('Patch the server', { owner: 'Acme Networks Inc.' }).tier).toBe('Vendor conversations');
    expect(tier('Patch the server', { owner: 'Office Manager' }).tier).toBe('This week');
  });

  it('a vendor-dependency column says vendor', () => {
    expect(tier('Apply the update to the imaging PC', { vendorDependency: 'Yes' }).tier).toBe('Vendor conversations');
  });

  it("the cost column is the practice's own word on money", () => {
    expect(tier('Review logs daily', { cost: '$8,000' }).tier).toBe('Budget decisions');
    expect(tier('Roll out a formal training program', { cost: 'None' }).tier).toBe('This week');
    expect(tier('Encrypt the backups', { cost: 'Licence' }).tier).toBe('Budget decisions');
    expect(tier('Something odd', { cost: 'Staff time' }).tier).toBe('This week');
  });

  it('falls back on the risk text only when it names a strong signal', () => {
    const r = classifyTier({ action: 'TBD', risk: 'No BAA with the billing company', tierText: null });
    expect(r.tier).toBe('Vendor conversations');
    expect(r.reason).toMatch(/^The risk mentions "BAA"/i);
    expect(classifyTier({ action: 'Open', risk: 'Audit logs', tierText: null }).tier).toBe('Unclassified');
  });

  it('Unclassified says why in one line and still orders the guesses', () => {
    const r = tier('Talk to Dr. Lee');
    expect(r.tier).toBe('Unclassified');
    expect(r.reason).toMatch(/choose a tier \(best guess: This week\)/);
    expect([...r.guesses].sort()).toEqual([...TIER_DEMAND].sort());
    expect(tier(' ').reason).toMatch(/no action/);
  });

  it('does not match inside other words', () => {
    expect(tier('Document the comfa process').tier).toBe('This week'); // "document ... process"? no: a document change is fine
    expect(tier('Talk about mfax').tier).toBe('Unclassified');
  });
});

describe('signals', () => {
  it('costSignal', () => {
    expect(costSignal('None')).toBe('none');
    expect(costSignal('$0')).toBe('none');
    expect(costSignal('Staff time')).toBe('none');
    expect(costSignal('$40')).toBe('small');
    expect(costSignal('$1,200')).toBe('spend');
    expect(costSignal('2k')).toBe('spend');
    expect(costSignal('Funding request')).toBe('spend');
    expect(costSignal('1-6 months')).toBe(null);
    expect(costSignal('')).toBe(null);
  });

  it('ownerIsVendor', () => {
    expect(ownerIsVendor('MSP')).toBe(true);
    expect(ownerIsVendor('IT Vendor (BrightPath IT)')).toBe(true);
    expect(ownerIsVendor('Summit Tech LLC')).toBe(true);
    expect(ownerIsVendor('Vendor Risk Manager')).toBe(false);
    expect(ownerIsVendor('Office Manager')).toBe(false);
    expect(ownerIsVendor('IT Team')).toBe(false);
  });

  it('vendorDependencySignal', () => {
    expect(vendorDependencySignal('Yes')).toBe(true);
    expect(vendorDependencySignal('No')).toBe(false);
    expect(vendorDependencySignal('Epic Hyperspace')).toBe(true);
    expect(vendorDependencySignal(null)).toBe(null);
  });

  it('folds accents and splits parts', () => {
    expect(foldText('Révoquer Zugänge ß')).toBe('revoquer zugange ss');
    expect(actionParts('enable mfa; buy tokens and train staff')).toEqual(['enable mfa', 'buy tokens', 'train staff']);
    expect(actionParts('update e-mail settings')).toEqual(['update e-mail settings']);
  });
});

describe('tier choices', () => {
  it('the key is stable across row moves and uses the ID when there is one', () => {
    const a = makeEntry({ row: 5, id: 'R-1', risk: 'x', action: 'y' });
    const b = makeEntry({ row: 9, id: 'R-1', risk: 'changed', action: 'changed' });
    expect(tierChoiceKey(a)).toBe(tierChoiceKey(b));
    const c = makeEntry({ row: 5, risk: 'Open  Wi-Fi', action: 'Talk' });
    const d = makeEntry({ row: 12, risk: 'open wi-fi', action: 'talk' });
    expect(tierChoiceKey(c)).toBe(tierChoiceKey(d));
    expect(tierChoiceKey(c)).not.toBe(tierChoiceKey(a));
  });

  it("the user's choice wins over the engine and the tier column, with the choice first among the guesses", () => {
    const entry = makeEntry({ row: 5, id: 'R-7', risk: 'Lab', action: 'Talk to Dr. Lee', tierText: 'Budget', status: 'Open' });
    const read = makeRead(makeTable('register', [entry]));
    const plain = analyzeNow(read, { asOf: '2026-11-23' }).risks[0];
    expect(plain.tier).toBe('Budget decisions');
    expect(plain.tierSource).toBe('column');
    const chosen = analyzeNow(read, { asOf: '2026-11-23', tierChoices: [{ key: tierChoiceKey(entry), tier: 'Vendor conversations' }] })
      .risks[0];
    expect(chosen.tier).toBe('Vendor conversations');
    expect(chosen.tierSource).toBe('choice');
    expect(chosen.tierGuesses?.[0]).toBe('Vendor conversations');
    expect(chosen.tierReason).toMatch(/^Chosen by the user/);
  });
});
