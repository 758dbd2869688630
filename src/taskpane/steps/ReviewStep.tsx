/**
 * Step 2: how many risks sit at each level and tier, what an investigator would flag
 * (grouped by kind; each finding jumps to its cell in Excel), and the highlight buttons.
 */
import * as React from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { findingLabel } from '../../core/findingKinds';
import type { HighlightResult } from '../../core/port';
import { Message } from '../Message';
import type { PaneMessage } from '../messages';
import { MatrixSection, type MatrixSectionProps } from './MatrixSection';
import { TierChoices } from './TierChoices';
import type { ChosenTier } from '../../core/analysis';
import { Feedback, type FeedbackState } from '../Feedback';
import { findingName, findingsAsText, type FindingGroup, type FindingItem, type PaneView } from '../paneView';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  fix: { margin: '0 0 6px', fontSize: tokens.fontSizeBase200 },
  where: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  counts: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'left', padding: '2px 4px' } },
  num: { textAlign: 'right' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '4px' },
  finding: { textAlign: 'left', justifyContent: 'flex-start', height: 'auto', whiteSpace: 'normal', padding: '4px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export type HighlightOutcome = { kind: 'applied'; result: HighlightResult } | { kind: 'cleared'; removed: number };

/** The highlight buttons' result in words (skipped sheets become a warning). */
export function describeHighlightOutcome(outcome: HighlightOutcome): PaneMessage {
  if (outcome.kind === 'cleared') {
    return {
      intent: 'success',
      title: 'Highlights cleared',
      body:
        outcome.removed === 0
          ? 'There were no Risk Plan highlights to remove. Your own formatting was not touched.'
          : `Removed ${outcome.removed} Risk Plan highlight rule${outcome.removed === 1 ? '' : 's'}. Your own formatting was not touched.`,
    };
  }
  const { applied, skipped } = outcome.result;
  const notes = outcome.result.notes ?? [];
  const added = [`Added ${applied} highlight rule${applied === 1 ? '' : 's'}; no cell value was changed.`, ...notes].join(' ');
  if (skipped.length === 0) return { intent: notes.length ? 'info' : 'success', title: 'Gaps highlighted', body: added };
  const why = skipped.map((s) => (s.sheet ? `Sheet “${s.sheet}” was skipped: ${s.reason}` : s.reason)).join(' ');
  return {
    intent: 'warning',
    title: applied > 0 ? 'Some sheets were not highlighted' : 'Nothing was highlighted',
    body: `${added} ${why} Unprotect the sheet (Review > Unprotect Sheet) and try again to highlight it.`,
  };
}

export interface ReviewStepProps {
  view: PaneView;
  busy: boolean;
  highlightOutcome: HighlightOutcome | null;
  feedback: FeedbackState;
  /** Present only where the host can jump to a cell (Excel). */
  onSelectCell?: (sheet: string, cell: string) => void;
  onHighlight(): void;
  onClear(): void;
  /** Saves a tier for a risk the engine left Unclassified (null undoes the choice); no list without it. */
  onChooseTier?: (key: string, tier: ChosenTier | null) => void;
  /** The risk matrix editor; the section is left out when absent. */
  matrix?: Omit<MatrixSectionProps, 'current' | 'busy' | 'ratingSteps' | 'feedback'>;
  /** Copies text to the clipboard (injectable for tests). */
  copyText?: (text: string) => Promise<void>;
}

/** navigator.clipboard where allowed; else a hidden textarea and the copy command. */
export async function copyToClipboard(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Denied (e.g. an Office host without clipboard permission): fall back below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The browser did not allow copying.');
}

function FindingRow({ item, onSelectCell }: { item: FindingItem; onSelectCell?: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const where = `${item.sheet}!${item.cell}`;
  const name = findingName(item);
  const level = item.level ? ` (${item.level})` : '';
  return (
    <li>
      {onSelectCell ? (
        <Button
          appearance="subtle"
          className={styles.finding}
          aria-label={`Go to ${where}: ${name}${level}. ${item.message}`}
          onClick={() => onSelectCell(item.sheet, item.cell)}
        >
          <span>
            <strong>{name}</strong>
            {level}: {item.message}
          </span>
        </Button>
      ) : (
        <span>
          <strong>{name}</strong>
          {level}: {item.message}
        </span>
      )}
      <div className={styles.where}>{where}</div>
    </li>
  );
}

/** Findings a list shows at first and adds per "Show more": a 50,000-row register can flag tens of thousands. */
export const FINDINGS_PER_PAGE = 100;

/** One kind's findings, its fix said once, a page at a time. */
function FindingList(props: { group: FindingGroup; onSelectCell?: (sheet: string, cell: string) => void }) {
  const { group, onSelectCell } = props;
  const styles = useStyles();
  const [shown, setShown] = React.useState(FINDINGS_PER_PAGE);
  const left = group.items.length - shown;
  return (
    <>
      {group.fixes.map((fix) => (
        <p key={fix} className={styles.fix}>
          <strong>Fix:</strong> {fix}
        </p>
      ))}
      <ul className={styles.list}>
        {group.items.slice(0, shown).map((item, i) => (
          <FindingRow key={`${item.sheet}-${item.cell}-${i}`} item={item} onSelectCell={onSelectCell} />
        ))}
      </ul>
      {left > 0 && (
        <Button appearance="secondary" size="small" onClick={() => setShown((n) => n + FINDINGS_PER_PAGE)}>
          {`Show ${Math.min(left, FINDINGS_PER_PAGE)} more of ${left}`}
        </Button>
      )}
      {group.total > group.items.length && (
        <Text className={styles.hint}>{group.total - group.items.length} more are in the plan’s Flags column and the highlights.</Text>
      )}
    </>
  );
}

/** Step 2 of the pane. */
export function ReviewStep(props: ReviewStepProps): React.ReactElement {
  const { view, busy, highlightOutcome, onSelectCell, onHighlight, onClear, matrix, feedback } = props;
  const styles = useStyles();
  const [copied, setCopied] = React.useState<PaneMessage | null>(null);
  const levelRows = view.levelCounts.map((c) => ({ label: c.level, count: c.count }));
  const s = view.capSummary;
  const copy = async () => {
    const text = findingsAsText(view.findingGroups);
    try {
      await (props.copyText ?? copyToClipboard)(text);
      const n = view.findingGroups.reduce((sum, g) => sum + g.items.length, 0);
      setCopied({
        intent: 'success',
        title: 'List copied',
        body: `${n} finding${n === 1 ? '' : 's'} copied as text; paste them into an e-mail or a document.`,
      });
    } catch (error) {
      setCopied({
        intent: 'error',
        title: 'Could not copy',
        body: `${error instanceof Error ? error.message : String(error)} Select the list and copy it by hand.`,
      });
    }
  };

  return (
    <div className={styles.section}>
      {matrix && view.register && (
        <MatrixSection
          {...matrix}
          current={view.matrix}
          busy={busy}
          feedback={feedback}
          ratingSteps={{ likelihood: view.register.scales.likelihood?.steps, impact: view.register.scales.impact?.steps }}
        />
      )}
      {view.register ? (
        <>
          <h3 className={styles.heading}>Risks</h3>
          <Text>
            {view.riskCount} risks scored with {view.matrix.label}, as of {view.asOf}.
          </Text>
          <CountsTable
            label="Risks by level"
            heading="Level"
            rows={view.unrated > 0 ? [...levelRows, { label: 'Not rated', count: view.unrated }] : levelRows}
            className={styles.counts}
            numClassName={styles.num}
          />
          <CountsTable
            label="Risks by tier"
            heading="Tier"
            rows={view.tierCounts.map((c) => ({ label: c.tier, count: c.count }))}
            className={styles.counts}
            numClassName={styles.num}
          />
          {props.onChooseTier && <TierChoices view={view} busy={busy} feedback={feedback} onChooseTier={props.onChooseTier} />}
        </>
      ) : (
        <Text>No risk register was found, so there are no risks to score; the corrective actions are checked below.</Text>
      )}
      <h3 className={styles.heading}>Corrective actions</h3>
      <Text>
        {view.capFromRegister ? 'From the register: ' : ''}
        {s.total} in all, {s.completed} completed, {s.verified} verified, {s.overdue} overdue.
      </Text>
      <h3 className={styles.heading}>
        {view.findingCount === 0 ? 'Nothing an investigator would flag' : `${view.findingCount} things an investigator would flag`}
      </h3>
      {view.findingGroups.length > 0 && (
        <>
          <Accordion multiple collapsible aria-label="Findings by kind">
            {view.findingGroups.map((group) => (
              <AccordionItem key={group.kind} value={group.kind}>
                <AccordionHeader size="small">
                  {findingLabel(group.kind)} ({group.total})
                </AccordionHeader>
                <AccordionPanel>
                  <FindingList group={group} onSelectCell={onSelectCell} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
          <div className={styles.buttons}>
            <Button size="small" onClick={() => void copy()}>
              Copy list
            </Button>
          </div>
          {copied && <Message message={copied} onDismiss={() => setCopied(null)} />}
        </>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={onHighlight}>
          Highlight gaps
        </Button>
        <Button disabled={busy} onClick={onClear}>
          Clear highlights
        </Button>
      </div>
      <Feedback slot="highlight" {...feedback} />
      {highlightOutcome && !(feedback.busy?.slot === 'highlight') && <Message message={describeHighlightOutcome(highlightOutcome)} />}
    </div>
  );
}

/** A two-column table of counts ("Level | Risks"), read by screen readers as a real table. */
function CountsTable(props: {
  label: string;
  heading: string;
  rows: { label: string; count: number }[];
  className: string;
  numClassName: string;
}) {
  return (
    <table className={props.className} aria-label={props.label}>
      <thead>
        <tr>
          <th scope="col">{props.heading}</th>
          <th scope="col" className={props.numClassName}>
            Risks
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((c) => (
          <tr key={c.label}>
            <td>{c.label}</td>
            <td className={props.numClassName}>{c.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
