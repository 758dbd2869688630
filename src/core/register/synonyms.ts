/**
 * THE synonym table: header words -> column role, with how sure we are.
 * Registers and CAP trackers share it. A header is matched by its longest phrase
 * (so "Risk Owner" is an owner, not a risk), then by confidence.
 * A phrase mapped to `null` blocks a shorter phrase ("Asset Value" is not an asset).
 */
import type { Role } from '../model';
import { normalizeWords } from './text';

type Row = [role: Role | null, confidence: number, phrases: string[]];

const TABLE: Row[] = [
  ['id', 0.98, ['risk id', 'poam id', 'poa and m id', 'poam item id', 'finding id', 'weakness id', 'issue id', 'cap id', 'risk ref', 'risk no', 'risk number', 'risk #', 'finding number', 'finding #', 'item id', 'ref no', 'reference no', 'reference number']],
  ['id', 0.9, ['id', 'ref', '#', 'action id', 'sr no', 's no', 'serial no', 'item no', 'item #', 'no']],
  ['id', 0.75, ['reference', 'number', 'item']],
  ['risk', 0.97, ['risk description', 'risk title', 'risk name', 'risk statement', 'risk scenario', 'risk identified', 'identified risk', 'finding description', 'weakness description', 'deficiency description', 'description of risk', 'description of finding', 'risk event']],
  ['risk', 0.9, ['finding', 'findings', 'deficiency', 'deficiencies', 'weakness', 'issue description', 'gap description', 'observation', 'audit finding']],
  ['risk', 0.75, ['risk', 'risks', 'issue', 'gap']],
  ['risk', 0.65, ['description', 'title', 'problem']],
  ['asset', 0.95, ['asset name', 'affected asset', 'affected assets', 'information asset', 'asset process', 'affected system', 'affected systems', 'system name', 'ephi location', 'location of ephi', 'system application']],
  ['asset', 0.85, ['asset', 'assets', 'system', 'systems']],
  ['asset', 0.55, ['asset id', 'application']],
  ['threat', 0.95, ['threat source', 'threat event', 'threat agent', 'threat actor', 'threat description', 'threat sources']],
  ['threat', 0.9, ['threat', 'threats']],
  ['vulnerability', 0.95, ['vulnerability description', 'vulnerability', 'vulnerabilities']],
  ['category', 0.95, ['risk category', 'risk type', 'hipaa safeguard', 'safeguard category', 'hipaa standard', 'security rule standard', 'hipaa standard citation']],
  ['category', 0.6, ['standard']],
  ['category', 0.8, ['category', 'safeguard', 'control family', 'domain']],
  ['likelihood', 0.98, ['overall likelihood', 'likelihood rating', 'likelihood score', 'likelihood of occurrence', 'probability of occurrence', 'likelihood level']],
  ['likelihood', 0.93, ['likelihood', 'probability']],
  ['likelihood', 0.7, ['frequency', 'l', 'p']],
  ['impact', 0.98, ['level of impact', 'overall impact', 'impact rating', 'impact score', 'impact level', 'magnitude of impact', 'business impact', 'impact severity']],
  ['impact', 0.93, ['impact']],
  ['impact', 0.8, ['severity', 'consequence', 'consequences', 'magnitude']],
  ['impact', 0.45, ['i']],
  ['score', 0.97, ['risk score', 'inherent risk score', 'risk rating score', 'likelihood x impact', 'l x i', 'risk priority number']],
  ['score', 0.8, ['score', 'risk value', 'total score', 'rpn']],
  ['level', 0.97, ['risk level', 'inherent risk level', 'current risk level', 'risk rating', 'inherent risk rating', 'overall risk level', 'overall risk']],
  ['level', 0.8, ['level', 'rating', 'inherent risk', 'risk priority']],
  ['residualLikelihood', 0.97, ['residual likelihood', 'residual probability', 'target likelihood']],
  ['residualImpact', 0.97, ['residual impact', 'target impact', 'residual severity']],
  ['residualLevel', 0.95, ['residual risk', 'residual risk level', 'residual risk rating', 'residual level', 'residual rating', 'residual risk score', 'residual score', 'target risk', 'target risk level', 'post mitigation risk']],
  ['action', 0.97, ['recommended safeguard', 'recommended safeguards', 'planned safeguard', 'planned safeguards', 'safeguards to implement', 'safeguard to implement', 'recommended control', 'proposed safeguard', 'corrective action', 'corrective actions', 'corrective action plan', 'remediation plan', 'remediation action', 'remediation actions', 'mitigation plan', 'mitigation action', 'mitigation actions', 'mitigating action', 'planned action', 'planned actions', 'planned remediation', 'corrective measure', 'corrective measures', 'action required', 'actions required', 'required action', 'treatment plan']],
  ['action', 0.9, ['mitigation', 'mitigation strategy', 'remediation', 'remediation steps', 'risk mitigation', 'action plan', 'recommended action', 'recommended actions', 'recommendation', 'recommendations', 'proposed controls', 'planned controls', 'recommended controls', 'mitigation measures']],
  ['action', 0.78, ['treatment', 'risk treatment', 'action', 'actions', 'risk response', 'milestones', 'milestone', 'milestones with completion dates']],
  ['action', 0.5, ['control', 'controls', 'response']],
  ['owner', 0.98, ['risk owner', 'action owner', 'responsible party', 'responsible person', 'responsible individual', 'remediation owner', 'point of contact', 'assigned to', 'owner name', 'responsible owner']],
  ['owner', 0.9, ['owner', 'responsible', 'responsibility', 'poc', 'assignee', 'accountable', 'accountable party']],
  ['owner', 0.6, ['asset owner', 'lead', 'who']],
  ['dueDate', 0.98, ['due date', 'target date', 'target completion date', 'scheduled completion date', 'planned completion date', 'estimated completion date', 'date due', 'target completion', 'scheduled completion', 'planned completion', 'deadline', 'by when', 'expected completion date']],
  ['dueDate', 0.85, ['due', 'due by', 'completion target', 'target completion', 'expected completion', 'planned date', 'milestone date']],
  ['dueDate', 0.65, ['timeline', 'timeframe', 'time frame', 'target', 'implementation date']],
  ['completedDate', 0.97, ['date completed', 'completed date', 'date closed', 'closed date', 'closure date', 'actual completion date', 'actual completion', 'completed on', 'date resolved', 'resolved date', 'date implemented', 'implemented date', 'actual date', 'actual close date']],
  ['completedDate', 0.9, ['completion date', 'completed', 'closed on']],
  ['status', 0.97, ['status', 'current status', 'action status', 'risk status', 'cap status', 'remediation status', 'item status']],
  ['status', 0.65, ['progress', 'state']],
  ['verifiedBy', 0.97, ['verified by', 'validated by', 'verifier', 'verification by', 'verification owner', 'checked by']],
  ['verifiedBy', 0.6, ['verification', 'reviewed by']],
  ['verifiedDate', 0.97, ['verification date', 'date verified', 'verified date', 'validation date', 'date validated', 'verified on', 'validated on']],
  ['evidence', 0.97, ['evidence', 'supporting documents', 'supporting documentation', 'evidence of completion', 'evidence location', 'artifacts', 'artefacts', 'supporting evidence']],
  ['evidence', 0.7, ['documentation', 'proof', 'attachments', 'attachment']],
  ['rootCause', 0.98, ['root cause', 'root causes', 'root cause analysis', 'underlying cause']],
  ['rootCause', 0.75, ['cause']],
  ['reviewDate', 0.95, ['review date', 'last review', 'last reviewed', 'date reviewed', 'last review date', 'reviewed on', 'date of review', 'next review', 'next review date', 'date last reviewed']],
  ['tier', 0.97, ['tier', 'priority tier', 'priority bucket', 'action tier', 'work tier', 'bucket']],
  ['element', 0.97, ['cap element', 'cap requirement', 'category of cap', 'cap category', 'cap section', 'cap provision', 'cap item', 'element']],
  ['element', 0.8, ['requirement', 'requirements', 'provision', 'obligation', 'hipaa requirement', 'citation']],
  ['justification', 0.98, ['justification', 'acceptance rationale', 'acceptance justification', 'risk acceptance rationale', 'reason for acceptance', 'justification for acceptance', 'acceptance reason', 'rationale']],
  ['cost', 0.95, ['cost', 'costs', 'estimated cost', 'cost estimate', 'resources required', 'resources needed', 'required resources', 'resource requirements', 'budget', 'budget required', 'level of effort', 'estimated effort', 'effort', 'funding', 'investment', 'kosten', 'aufwand', 'coste', 'costo', 'presupuesto', 'recursos', 'custo', 'orcamento', 'middelen', 'kostnad', 'budsjett', 'cout', 'ressources']],
  ['vendorDependency', 0.95, ['vendor dependency', 'vendor dependent', 'vendor dependencies', 'third party dependency', 'external dependency', 'depends on vendor']],
  // Words that look like a role but are not one of ours.
  [null, 1, ['existing controls', 'existing control', 'current controls', 'current control', 'controls in place', 'current mitigation', 'existing mitigation', 'asset value', 'threat value', 'matrix value', 'matrix value of vulnerability', 'for matrix', 'asset type', 'asset description', 'asset classification', 'date identified', 'identified date', 'date raised', 'date opened', 'date added', 'date logged', 'last updated', 'comments', 'notes', 'remarks', 'department', 'classification', 'version', 'approved by', 'prepared by', 'document id', 'author']],
];

interface Phrase {
  role: Role | null;
  confidence: number;
  words: number;
}

const PHRASES: Map<string, Phrase> = (() => {
  const map = new Map<string, Phrase>();
  for (const [role, confidence, phrases] of TABLE) {
    for (const p of phrases) {
      const key = normalizeWords(p);
      // First listing wins, so a phrase belongs to one role only.
      if (!map.has(key)) map.set(key, { role, confidence, words: key.split(' ').length });
    }
  }
  return map;
})();

const MAX_PHRASE_WORDS = Math.max(...[...PHRASES.values()].map((p) => p.words));

export interface HeaderMatch {
  role: Role;
  confidence: number;
  /** The phrase of the table that matched, for "why" texts. */
  phrase: string;
}

const cache = new Map<string, HeaderMatch | null>();

/**
 * The role a header text names, or null. The longest phrase found among the header's words wins;
 * words beyond the phrase lower the confidence a little ("Owner of the risk (name)" < "Owner").
 */
export function matchHeader(text: string): HeaderMatch | null {
  const key = normalizeWords(text);
  if (key === '') return null;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const words = key.split(' ');
  let best: { phrase: string; p: Phrase } | null = null;
  for (let len = Math.min(MAX_PHRASE_WORDS, words.length); len >= 1 && !best; len--) {
    for (let start = 0; start + len <= words.length; start++) {
      const phrase = words.slice(start, start + len).join(' ');
      const p = PHRASES.get(phrase);
      if (p && (!best || p.confidence > best.p.confidence)) best = { phrase, p };
    }
  }
  let result: HeaderMatch | null = null;
  if (best && best.p.role) {
    const extra = words.length - best.p.words;
    // A sentence that happens to contain "risk" or "system" is data, not a header: many extra words cost a lot.
    const confidence = Math.max(0.3, best.p.confidence - 0.05 * Math.min(extra, 10));
    result = { role: best.p.role, confidence: Math.round(confidence * 100) / 100, phrase: best.phrase };
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, result);
  return result;
}

const RESIDUAL_WORDS = ['residual', 'target', 'post mitigation', 'post treatment', 'after mitigation', 'after treatment', 'after controls', 'revised', 'expected'];

/** True when a group header ("Residual Risk", "Target (post-mitigation)") marks the ratings below as residual. */
export function isResidualGroup(groupText: string): boolean {
  const key = ` ${normalizeWords(groupText)} `;
  return RESIDUAL_WORDS.some((w) => key.includes(` ${w} `));
}

const TO_RESIDUAL: Partial<Record<Role, Role>> = {
  likelihood: 'residualLikelihood',
  impact: 'residualImpact',
  level: 'residualLevel',
  score: 'residualLevel',
  // "Residual: Likelihood | Impact | Risk": the last column is the residual rating, not a description.
  risk: 'residualLevel',
};

const RATING_GROUP_WORDS = ['inherent', 'current', 'initial', 'gross', 'raw', 'before mitigation', 'before treatment', 'pre mitigation', 'risk rating', 'risk assessment', 'assessment'];

/** True when a group header ("Inherent Risk", "Current Assessment") sits over rating columns. */
function isRatingGroup(groupText: string): boolean {
  const key = ` ${normalizeWords(groupText)} `;
  return RATING_GROUP_WORDS.some((w) => key.includes(` ${w} `));
}

/**
 * Matches a field header under an optional group header. The field's own words decide the role;
 * the group only turns ratings residual, or names the column when the field says nothing.
 */
export function matchColumn(field: string, group: string | null): HeaderMatch | null {
  let m = matchHeader(field);
  if (!m && group) {
    const g = matchHeader(`${group} ${field}`);
    if (g) m = { ...g, confidence: Math.max(0.3, g.confidence - 0.1) };
  }
  if (!m) return null;
  const underGroup = group !== null && group.trim() !== field.trim();
  const bareRisk = m.role === 'risk' && m.phrase === 'risk';
  const residual = underGroup && isResidualGroup(group) && (m.role !== 'risk' || bareRisk) ? TO_RESIDUAL[m.role] : undefined;
  if (residual) return { ...m, role: residual };
  // "Inherent: Likelihood | Impact | Risk": a bare "Risk" under a rating group is the level.
  if (underGroup && bareRisk && isRatingGroup(group)) return { ...m, role: 'level' };
  return m;
}
