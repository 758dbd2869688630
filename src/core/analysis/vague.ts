/**
 * Is an action specific enough to verify? "We will address this" is a flag for investigators;
 * "Enable MFA on the EHR portal" is not. Judged by what the action says, not by its length:
 * "Disable TLS 1.0/1.1" names a step and is specific; "Mitigate" and "Control 8.5" name none.
 * One place for the vague-wording rules.
 */
import { classifyText } from './tiers';

/** Whole-text placeholders: nothing has been decided yet. */
const PLACEHOLDER = /^(tbd|tbc|to be (determined|decided|confirmed)|n\/?a|none|ongoing|pending|see above|as needed|[-?.]+)$/i;

/** Generic phrases that never name a verifiable step, wherever they appear. */
const GENERIC_PHRASES: readonly RegExp[] = [
  /\b(improve|enhance|strengthen|increase|tighten|boost)\s+(overall\s+|the\s+|our\s+)?(security|compliance|controls?|protection|safeguards?|posture)\b/i,
  /\baddress(ed|ing)?\s+(the\s+|this\s+)?(risk|issue|gap|finding|concern|problem)s?\b/i,
  /\b(look into|work on|consider|be aware|stay vigilant|best efforts?)\b/i,
  /^(mitigate|reduce|manage|handle|treat|avoid|transfer|fix|resolve|remediate|minimi[sz]e|control|implement controls?|apply controls?)( (the|this|these|all))?( risks?| issues?| exposures?| gaps?| it| them)?\.?$/i,
];

/** A reference in place of an action: a control or clause number, a date, a cross-reference. */
const REFERENCE_ONLY =
  /^((iso|nist|hipaa|soc ?2)?\s*(control|clause|annex|section|requirement|ref\.?|see|cf\.?|as per)\b[\s\w.,;:()/&-]*\d[\s\w.,;:()/&-]*|[a-z]{2}-\d+(\(\d+\))?|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})$/i;

/** Wording that is vague unless the action also names something concrete. */
const SOFT_WORDS =
  /\b(monitor(ing)?|review(ing)?|address|evaluate|assess|investigate|improve|continue|as (needed|appropriate|required|necessary)|where (possible|feasible)|tbd|ongoing)\b/i;

/**
 * Concrete objects and cadences: naming one makes an action checkable.
 * Deliberately a list of things one can see or count.
 */
const CONCRETE =
  /\b(tls|ssl|https|ports?|usb|rdp|smb\w*|admin\w*|privileg\w*|permissions?|roles?|certificates?|firmware|antivirus|malware|spam|macros?|wi-?fi|mfa|2fa|multi[- ]?factor|two[- ]?factor|baas?|business associate|encrypt\w*|bitlocker|filevault|laptops?|workstations?|servers?|desktops?|tablets?|phones?|devices?|backups?|restore|firewalls?|routers?|wi-?fi|wireless|vpn|patch\w*|updates?|antivirus|anti-malware|edr|passwords?|accounts?|access (list|logs?|rights|reviews?)|logs?|audit (logs?|trails?)|ehr|emr|portal|e-?mail|policy|policies|procedures?|training|sanctions?|notice of privacy practices|npp|inventory|badges?|keys?|locks?|cameras?|alarms?|shred\w*|disposal|vendors?|contracts?|risk analysis|incident response|contingency plan|segment\w*|vlans?|siem|penetration|pen[- ]?test\w*|daily|weekly|monthly|quarterly|annual(ly)?|every \w+|by \d|\d{4}-\d{2}-\d{2}|\d+ (days|weeks|months))\b/i;

/** A one-word action with no concrete object names no step ("Encryption", "Mandatory"). */
export const MIN_ACTION_WORDS = 2;

/** Null when the action is specific; otherwise why it is vague, in words. The analysis memoizes it per run (FindingWords). */
export function vagueReason(action: string): string | null {
  const text = action.trim().replace(/\s+/g, ' ');
  if (PLACEHOLDER.test(text)) return `"${text}" is a placeholder, not an action`;
  if (REFERENCE_ONLY.test(text)) return `"${text}" is a reference or a date, not a step someone can carry out`;
  for (const phrase of GENERIC_PHRASES) {
    const m = phrase.exec(text);
    if (m) return `"${m[0]}" does not say what will be done`;
  }
  // A named system, document, setting or safeguard makes the action checkable, whatever its length.
  if (CONCRETE.test(text)) return null;
  const verdict = classifyText(text);
  if (verdict.tier && !verdict.weak) return null;
  const soft = SOFT_WORDS.exec(text);
  if (soft) return `"${soft[0]}" without a named system, document or schedule cannot be verified`;
  if (countWords(text) < MIN_ACTION_WORDS) return `"${text}" names no system, document or step`;
  return null;
}

/** Words with at least one letter or digit ("-" and "&" do not count). */
function countWords(text: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      counted = false;
    } else if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127)) {
      words++;
      counted = true;
    }
  }
  return words;
}
