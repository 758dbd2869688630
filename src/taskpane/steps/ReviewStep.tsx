/**
 * Step 2: how many risks sit at each level and tier, what an investigator would flag
 * (grouped by kind; each finding jumps to its cell in Excel), and the highlight buttons.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { FINDING_KINDS, LEVELS, TIERS, type Analysis, type Finding, type FindingKind } from '../../core/model';
import type { HighlightResult } from '../../core/port';
import { Message } from '../Message';
import type { PaneMessage } from '../messages';
import { MatrixSection, type MatrixSectionProps } from './MatrixSection';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '8px' },
  counts: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'left', padding: '2px 4px' } },
  num: { textAlign: 'right' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: '4px' },
  finding: { textAlign: 'left', justifyContent: 'flex-start', height: 'auto', whiteSpace: 'normal', padding: '4px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** What each finding kind means, in the words an investigator would use. */
export const FINDING_LABELS: Record<FindingKind, string> = {
  'missing-owner': 'No responsible person',
  'missing-due-date': 'No due date',
  overdue: 'Overdue',
  'missing-action': 'No corrective action',
  'vague-action': 'Vague action',
  'missing-verification': 'Completed but not verified',
  'missing-root-cause': 'No root cause',
  'level-mismatch': 'Risk level does not match the ratings',
  'stale-review': 'Not reviewed in the last year',
  duplicate: 'Possible duplicate',
  'accepted-without-justification': 'Accepted without justification',
};

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
  analysis: Analysis;
  busy: boolean;
  highlightOutcome: HighlightOutcome | null;
  /** Present only where the host can jump to a cell (Excel). */
  onSelectCell?: (sheet: string, cell: string) => void;
  onHighlight(): void;
  onClear(): void;
  /** The risk matrix editor; the section is left out when absent. */
  matrix?: Omit<MatrixSectionProps, 'current' | 'busy'>;
}

function FindingItem({ finding, onSelectCell }: { finding: Finding; onSelectCell?: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const where = `${finding.sheet}!${finding.cell}`;
  const text = `${where}: ${finding.message}`;
  return (
    <li>
      {onSelectCell ? (
        <Button
          appearance="subtle"
          className={styles.finding}
          title={`Fix: ${finding.fix}`}
          aria-label={`Go to ${where}: ${finding.message}`}
          onClick={() => onSelectCell(finding.sheet, finding.cell)}
        >
          {text}
        </Button>
      ) : (
        <span>{text}</span>
      )}
      <div className={styles.hint}>Fix: {finding.fix}</div>
    </li>
  );
}

/** Findings a list shows at first and adds per "Show more": a 50,000-row register can flag tens of thousands. */
export const FINDINGS_PER_PAGE = 100;

/**
 * One kind's findings, a page at a time: rendering 20,000 buttons at once would freeze the pane
 * (and Excel with it) for seconds; the full list is in the plan's Flags column and the highlights.
 */
function FindingList(props: { findings: Finding[]; label: string; onSelectCell?: (sheet: string, cell: string) => void }) {
  const { findings, label, onSelectCell } = props;
  const styles = useStyles();
  const [shown, setShown] = React.useState(FINDINGS_PER_PAGE);
  const left = findings.length - shown;
  return (
    <>
      <ul className={styles.list}>
        {findings.slice(0, shown).map((f, i) => (
          <FindingItem key={`${f.sheet}-${f.cell}-${i}`} finding={f} onSelectCell={onSelectCell} />
        ))}
      </ul>
      {left > 0 && (
        <Button appearance="secondary" size="small" onClick={() => setShown((n) => n + FINDINGS_PER_PAGE)}>
          {`Show ${Math.min(left, FINDINGS_PER_PAGE)} more of ${left} (${label.toLowerCase()})`}
        </Button>
      )}
    </>
  );
}

/** Step 2 of the pane. */
export function ReviewStep(props: ReviewStepProps): React.ReactElement {
  const { analysis, busy, highlightOutcome, onSelectCell, onHighlight, onClear, matrix } = props;
  const styles = useStyles();
  const levelCounts = [...LEVELS].reverse().map((level) => ({
    label: level,
    count: analysis.risks.filter((r) => r.level === level).length,
  }));
  const unrated = analysis.risks.filter((r) => r.level === null).length;
  const tierCounts = TIERS.map((tier) => ({ label: tier, count: analysis.risks.filter((r) => r.tier === tier).length }));
  const byKind = FINDING_KINDS.map((kind) => ({
    kind,
    findings: analysis.findings.filter((f) => f.kind === kind),
  })).filter((g) => g.findings.length > 0);
  const s = analysis.capSummary;

  return (
    <div className={styles.section}>
      {matrix && <MatrixSection {...matrix} current={analysis.matrix} busy={busy} />}
      <Text>
        {analysis.risks.length} risks scored with {analysis.matrix.label}, as of {analysis.asOf}.
      </Text>
      <CountsTable
        label="Risks by level"
        heading="Level"
        rows={unrated > 0 ? [...levelCounts, { label: 'Not rated', count: unrated }] : levelCounts}
        className={styles.counts}
        numClassName={styles.num}
      />
      <CountsTable label="Risks by tier" heading="Tier" rows={tierCounts} className={styles.counts} numClassName={styles.num} />
      <Text>
        Corrective actions{analysis.capFromRegister ? ' (from the register)' : ''}: {s.total} in all, {s.completed}{' '}
        completed, {s.verified} verified, {s.overdue} overdue.
      </Text>
      <Text weight="semibold">
        {analysis.findings.length === 0
          ? 'Nothing an investigator would flag.'
          : `${analysis.findings.length} things an investigator would flag`}
      </Text>
      {byKind.length > 0 && (
        <Accordion multiple collapsible aria-label="Findings by kind">
          {byKind.map((group) => (
            <AccordionItem key={group.kind} value={group.kind}>
              <AccordionHeader size="small">
                {FINDING_LABELS[group.kind]} ({group.findings.length})
              </AccordionHeader>
              <AccordionPanel>
                <FindingList findings={group.findings} label={FINDING_LABELS[group.kind]} onSelectCell={onSelectCell} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={onHighlight}>
          Highlight gaps
        </Button>
        <Button disabled={busy} onClick={onClear}>
          Clear highlights
        </Button>
      </div>
      {highlightOutcome && <Message message={describeHighlightOutcome(highlightOutcome)} />}
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
