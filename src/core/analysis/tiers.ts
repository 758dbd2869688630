/**
 * The practical tiers of a small practice's plan: "This week" (no budget), "Vendor
 * conversations" (a call or e-mail to a provider), "Budget decisions" (capital and planning).
 * ONE rule table decides; an explicit tier column in the sheet wins when it names a tier.
 * When no rule matches, or rules for different tiers match, the entry stays "Unclassified"
 * and the reason says why: we never guess.
 */
import type { Entry, Tier } from '../model';

export interface TierRule {
  tier: Exclude<Tier, 'Unclassified'>;
  pattern: RegExp;
  /** Quoted in the reason, e.g. "turning on MFA needs no budget". */
  why: string;
}

/** Case-insensitive; word boundaries so "mfa" does not match inside another word. */
export const TIER_RULES: readonly TierRule[] = [
  // ---- This week: no budget, little technical skill
  { tier: 'This week', pattern: /\b(mfa|multi[- ]?factor|two[- ]?factor|2fa|2-step)\b/i, why: 'turning on multi-factor authentication needs no budget' },
  { tier: 'This week', pattern: /\b(departed|terminated|former|separated|exiting|leaving)\s+(staff|employees?|users?|workforce|members?|personnel)\b/i, why: "removing a departed person's access is an immediate, no-cost step" },
  { tier: 'This week', pattern: /\b(revoke|disable|deactivate|remove)\b[^.;]*\b(access|accounts?|log-?ins?|credentials?|badges?)\b/i, why: 'revoking or disabling access is an immediate, no-cost step' },
  { tier: 'This week', pattern: /\b(notice of privacy practices|npp)\b/i, why: 'updating the Notice of Privacy Practices is a document change' },
  { tier: 'This week', pattern: /\b(update|revise|write|draft|adopt|post|publish|distribute)\b[^.;]*\b(polic(y|ies)|notices?|procedures?)\b/i, why: 'writing or updating a policy, procedure or notice is a document change' },
  { tier: 'This week', pattern: /\bsanctions?\b/i, why: 'a sanctions policy or signed sanctions agreement is paperwork, not spending' },
  { tier: 'This week', pattern: /\bpasswords?\b[^.;]*\b(change|reset|rotate|update)|\b(change|reset|rotate|update)\b[^.;]*\bpasswords?\b/i, why: 'changing passwords costs nothing' },
  { tier: 'This week', pattern: /\b(screen[- ]?locks?|auto[- ]?lock|automatic (lock|log-?off)|auto[- ]?log-?off|screen ?savers?|session time-?outs?)\b/i, why: 'screen locks and automatic log-off are settings, not purchases' },
  { tier: 'This week', pattern: /\b(enable|turn on|switch on)\b[^.;]*\b(bitlocker|filevault|device encryption|lock)\b/i, why: 'enabling a built-in feature needs no budget' },
  // ---- Vendor conversations: a call or e-mail to a service provider
  { tier: 'Vendor conversations', pattern: /\b(baas?|business associate agreements?|business associates?)\b/i, why: 'a business associate agreement is signed with the vendor' },
  { tier: 'Vendor conversations', pattern: /\b(confirm|verify|ask|request|obtain|check with)\b[^.;]*\b(vendors?|providers?|suppliers?|msp|host(ing)?)\b/i, why: 'confirming something with a vendor or provider takes a conversation' },
  { tier: 'Vendor conversations', pattern: /\b(it (provider|vendor|company|support company)|msp|managed (service|services|it) provider)\b/i, why: 'work done by the IT provider is arranged with them' },
  { tier: 'Vendor conversations', pattern: /\b(ehr|emr|practice management|billing) (vendor|provider|company)\b/i, why: 'the EHR or billing vendor controls this' },
  { tier: 'Vendor conversations', pattern: /\bcloud backup (service|provider|vendor)\b/i, why: 'the cloud backup service controls this' },
  { tier: 'Vendor conversations', pattern: /\btelehealth (platform|vendor|provider|service)\b/i, why: 'the telehealth platform controls this' },
  // ---- Budget decisions: capital and planning
  { tier: 'Budget decisions', pattern: /\b(segment(ation|ing)?|vlans?)\b/i, why: 'network segmentation needs equipment and planning' },
  { tier: 'Budget decisions', pattern: /\b(replace|upgrade|refresh)\b[^.;]*\b(devices?|servers?|workstations?|laptops?|computers?|pcs?|hardware|firewalls?|routers?|switch(es)?|operating systems?|windows)\b/i, why: 'replacing or upgrading equipment is a purchase' },
  { tier: 'Budget decisions', pattern: /\b(training (program|programme|platform|curriculum|course)s?|awareness (program|platform)s?)\b/i, why: 'a formal training program is an ongoing cost' },
  { tier: 'Budget decisions', pattern: /\b(pen(etration)?[- ]?test(s|ing)?)\b/i, why: 'a penetration test is a paid engagement' },
  { tier: 'Budget decisions', pattern: /\b(siem|security information and event management)\b/i, why: 'a SIEM is a purchase with running costs' },
  { tier: 'Budget decisions', pattern: /\b(purchase|buy|procure|acquire)\b|\bnew (hardware|software|system|server|firewall)\b/i, why: 'a purchase needs a budget decision' },
];

/** Words in an explicit tier column that name a tier. Checked in this order. */
const TIER_NAMES: readonly { tier: Exclude<Tier, 'Unclassified'>; pattern: RegExp }[] = [
  { tier: 'This week', pattern: /\b(this week|no[- ]?budget|quick win|immediate)\b/i },
  { tier: 'Vendor conversations', pattern: /\bvendors?\b/i },
  { tier: 'Budget decisions', pattern: /\b(budget|capital)\b/i },
];

export interface TierResult {
  tier: Tier;
  reason: string;
}

/** The tier of an entry, with the reason in words. */
export function classifyTier(entry: Pick<Entry, 'action' | 'risk' | 'tierText'>): TierResult {
  const stated = entry.tierText?.trim();
  if (stated) {
    const named = TIER_NAMES.find((n) => n.pattern.test(stated));
    if (named) return { tier: named.tier, reason: `The sheet's tier column says "${stated}".` };
  }
  const action = entry.action?.trim();
  const source = action ? 'action' : 'risk';
  const text = action || entry.risk?.trim() || '';
  if (!text) return { tier: 'Unclassified', reason: 'There is no action or risk text to classify.' };

  // First matching rule per tier, in table order (plain loop: this runs for every entry).
  let firstTier: TierRule | null = null;
  let firstMatch = '';
  const conflicts: string[] = [];
  let lastTier: TierRule['tier'] | null = null;
  for (const rule of TIER_RULES) {
    if (rule.tier === lastTier) continue; // this tier already matched
    const m = rule.pattern.exec(text);
    if (!m) continue;
    lastTier = rule.tier;
    if (!firstTier) {
      firstTier = rule;
      firstMatch = m[0];
    }
    conflicts.push(`"${m[0]}" suggests ${rule.tier}`);
  }
  if (!firstTier) {
    return { tier: 'Unclassified', reason: `No tier rule matches the ${source} text; choose a tier by hand.` };
  }
  if (conflicts.length > 1) {
    return { tier: 'Unclassified', reason: `The ${source} matches rules for different tiers (${conflicts.join('; ')}); choose one by hand.` };
  }
  return { tier: firstTier.tier, reason: `The ${source} mentions "${firstMatch}": ${firstTier.why}.` };
}
