/**
 * Step 1: which sheets were recognized as the register and the CAP (and why), and the
 * column mapping with confidence and sample values; each role can be pointed at another header
 * or at "(not in sheet)", or reset to automatic, then saved into the workbook.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MappingOverride, Role } from '../../core/model';
import { STORE_SHEET_NAME } from '../../core/settings';
import { Message } from '../Message';
import { CAP_ONLY_MESSAGE, NO_REGISTER_MESSAGE } from '../messages';
import {
  CHECK_BELOW_CONFIDENCE,
  MAPPING_ROLES,
  NOT_IN_SHEET,
  buildOverrides,
  chooseRegisterSheet,
  currentMapping,
  overriddenRoles,
  resetColumn,
  resetHeaderRow,
  resetRegisterSheet,
  roleLabel,
  savedOverride,
  shortHeader,
} from '../mapping';
import { KEY_ROLES, displaySample, judgeFit } from '../valueFit';
import type { PaneView, TableView } from '../paneView';
import { Feedback, type FeedbackState } from '../Feedback';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px', marginBottom: '12px', minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  role: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, paddingBottom: '6px' },
  roleHead: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: '6px', flexWrap: 'wrap' },
  select: { width: '100%', minWidth: 0, maxWidth: '100%' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  samples: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  misfit: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: '18px' },
  buttons: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
});

export interface WorkbookStepProps {
  view: PaneView;
  busy: boolean;
  feedback: FeedbackState;
  onSaveMapping(mapping: MappingOverride[]): void;
}

type Choices = Record<string, Partial<Record<Role, string>>>;

const tableKey = (t: TableView) => `${t.kind}:${t.sheet}`;

/** "Risk register: sheet X, 24 risks (rows 5-28)" and the reason it was chosen. */
function TableSummary({ table }: { table: TableView }) {
  const styles = useStyles();
  const count = table.count;
  const noun = table.kind === 'register' ? (count === 1 ? 'risk' : 'risks') : count === 1 ? 'corrective action' : 'corrective actions';
  const rows = table.firstRow === table.lastRow ? `row ${table.firstRow}` : `rows ${table.firstRow}–${table.lastRow}`;
  return (
    <div>
      <h3 className={styles.heading}>{table.kind === 'register' ? 'Risk register' : 'Corrective action plan'}</h3>
      <Text>
        sheet “{table.sheet}”, {count} {noun} ({rows}, header row {table.headerRow})
      </Text>
      <div className={styles.hint}>Why: {table.reason}</div>
    </div>
  );
}

/** What the pane says beside a column: the reader's reason to check it, never a bare percentage. */
function confidenceText(table: TableView, role: Role, overridden: boolean): string {
  const match = table.columns[role];
  if (!match) return overridden ? 'your choice' : 'not found';
  if (match.source === 'override') return 'your choice';
  if (match.check) return `please check: ${match.check}`;
  return match.confidence < CHECK_BELOW_CONFIDENCE ? 'please check: the header is not clear' : 'found by its header';
}

function MappingTable(props: {
  table: TableView;
  saved: MappingOverride[];
  choices: Partial<Record<Role, string>>;
  onChoose(role: Role, letter: string): void;
  onReset(role: Role): void;
  disabled: boolean;
}) {
  const { table, choices, onChoose, onReset, disabled } = props;
  const styles = useStyles();
  const current = currentMapping(table);
  const overridden = new Set(overriddenRoles(props.saved, table.sheet, table.kind));
  const mapped = MAPPING_ROLES.filter((r) => current[r] !== NOT_IN_SHEET || overridden.has(r));
  const unmapped = MAPPING_ROLES.filter((r) => !mapped.includes(r));
  const roleRow = (role: Role) => {
    const id = `map-${table.kind}-${table.sheet}-${role}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const value = choices[role] ?? current[role];
    const headerIndex = table.headers.findIndex((h) => h.letter === value);
    const header = headerIndex >= 0 ? table.headers[headerIndex] : null;
    const samples = headerIndex >= 0 ? table.samples[headerIndex] : [];
    const isKey = KEY_ROLES.includes(role);
    const fit = isKey && header ? judgeFit(role, samples) : null;
    const pending = choices[role] !== undefined && choices[role] !== current[role];
    return (
      <div key={role} className={styles.role}>
        <div className={styles.roleHead}>
          <label htmlFor={id}>{roleLabel(role)}</label>
          <span className={styles.hint}>{pending ? 'changed: save to apply' : confidenceText(table, role, overridden.has(role))}</span>
        </div>
        <Select
          id={id}
          className={styles.select}
          value={value}
          disabled={disabled}
          title={header ? `${header.letter}: ${header.text}` : '(not in sheet)'}
          onChange={(_, data) => onChoose(role, data.value)}
        >
          <option value={NOT_IN_SHEET}>(not in sheet)</option>
          {table.headers.map((h) => (
            <option key={h.letter} value={h.letter} title={`${h.letter}: ${h.text}`}>
              {h.letter}: {shortHeader(h.text)}
            </option>
          ))}
        </Select>
        {isKey && header && samples.length > 0 && (
          <span className={styles.samples} data-testid={`samples-${role}`}>
            e.g.{' '}
            {samples
              .slice(0, 3)
              .map((v) => `“${displaySample(v, role, 24)}”`)
              .join(', ')}
          </span>
        )}
        {fit && !fit.fits && <span className={styles.misfit}>Check: this column {fit.problem}.</span>}
        {overridden.has(role) && (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onReset(role)}>
            Reset {roleLabel(role)} to automatic
          </Button>
        )}
      </div>
    );
  };
  return (
    <section aria-label={`Columns of sheet ${table.sheet}`} className={styles.section}>
      <h3 className={styles.heading}>Columns of “{table.sheet}”</h3>
      {table.ambiguities.length > 0 && (
        <ul className={styles.list} aria-label="Columns to check">
          {table.ambiguities.map((a) => (
            <li key={a}>Check: {a}</li>
          ))}
        </ul>
      )}
      <div>{mapped.map(roleRow)}</div>
      {unmapped.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="unmapped">
            <AccordionHeader size="small">Roles not found ({unmapped.length})</AccordionHeader>
            <AccordionPanel>{unmapped.map(roleRow)}</AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}

/** Step 1 of the pane. */
export function WorkbookStep({ view, busy, feedback, onSaveMapping }: WorkbookStepProps): React.ReactElement {
  const styles = useStyles();
  const savedMapping = view.settings.mapping;
  const [choices, setChoices] = React.useState<Choices>({});
  const currentRegister = view.register?.sheet ?? '';
  const [registerSheet, setRegisterSheet] = React.useState(currentRegister);
  const [headerRow, setHeaderRow] = React.useState('');
  const tables = [...(view.register ? [view.register] : []), ...view.caps];
  // Sheets that were looked at and not used (the ones used are described above).
  const otherCandidates = view.candidates.filter((c) => !tables.some((t) => t.sheet === c.sheet));
  // Saving makes the pending choices moot; a re-read after an edit in Excel keeps them.
  const savedKey = JSON.stringify(savedMapping);
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [seen, setSeen] = React.useState({ savedKey, currentRegister });
  if (seen.savedKey !== savedKey || seen.currentRegister !== currentRegister) {
    if (seen.savedKey !== savedKey) {
      setChoices({});
      setHeaderRow('');
    }
    setRegisterSheet(currentRegister);
    setSeen({ savedKey, currentRegister });
  }
  // Only the user's own sheets can be the register: not ours, not hidden ones.
  const userSheets = view.sheets.filter((s) => s.visibility === 'visible' && s.marker === null && s.name !== STORE_SHEET_NAME);
  const headerRowNumber = headerRow.trim() === '' ? undefined : Number(headerRow);
  const headerRowProblem =
    headerRowNumber !== undefined && !(Number.isInteger(headerRowNumber) && headerRowNumber >= 1 && headerRowNumber <= 1_048_576)
      ? 'Enter the row number of the column headers, e.g. 3.'
      : undefined;
  const sheetChanged = registerSheet !== '' && registerSheet !== currentRegister;
  const registerOverride = savedMapping.find((o) => o.kind === 'register');
  const savedHeaderRow = savedMapping.some((o) => o.kind === 'register' && o.headerRow !== undefined);

  const save = () => {
    let mapping = savedMapping;
    if (sheetChanged || headerRowNumber !== undefined) mapping = chooseRegisterSheet(mapping, registerSheet, headerRowNumber);
    for (const table of tables) {
      // Column choices made for a register sheet the user just replaced no longer apply.
      if (sheetChanged && table.kind === 'register') continue;
      const c = choices[tableKey(table)];
      if (c && Object.keys(c).length > 0) mapping = buildOverrides(mapping, table, c);
    }
    onSaveMapping(mapping);
  };

  return (
    <div className={styles.section}>
      {!view.register && view.caps.length === 0 && <Message message={NO_REGISTER_MESSAGE} />}
      {!view.register && view.caps.length > 0 && <Message message={CAP_ONLY_MESSAGE} />}
      {view.register && <TableSummary table={view.register} />}
      {view.caps.map((cap) => (
        <TableSummary key={tableKey(cap)} table={cap} />
      ))}
      {!view.register && otherCandidates.length > 0 && (
        <div>
          <h3 className={styles.heading}>Sheets looked at</h3>
          <ul className={styles.list}>
            {otherCandidates.map((c) => (
              <li key={c.sheet}>
                “{c.sheet}”: {c.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.issueCount > 0 && (
        <Accordion collapsible>
          <AccordionItem value="issues">
            <AccordionHeader size="small">
              Cells that could not be read ({view.issueCount}
              {view.issueErrors > 0 ? `, ${view.issueErrors} errors` : ''})
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {view.issues.map((issue, i) => (
                  <li key={i}>
                    {issue.severity === 'error' ? 'Error' : issue.severity === 'warning' ? 'Warning' : 'Note'}: {issue.sheet}
                    {issue.cell ? `!${issue.cell}` : ''}: {issue.message}
                  </li>
                ))}
              </ul>
              {view.issueCount > view.issues.length && (
                <Text className={styles.hint}>
                  The first {view.issues.length} of {view.issueCount} are listed.
                </Text>
              )}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {tables.map((table) => (
        <MappingTable
          key={tableKey(table)}
          table={table}
          saved={savedMapping}
          disabled={busy}
          choices={choices[tableKey(table)] ?? {}}
          onChoose={(role, letter) =>
            setChoices((all) => ({ ...all, [tableKey(table)]: { ...(all[tableKey(table)] ?? {}), [role]: letter } }))
          }
          onReset={(role) => onSaveMapping(resetColumn(savedMapping, table.sheet, table.kind, role))}
        />
      ))}
      {userSheets.length > 0 && (
        <section aria-labelledby="riskplan-sheet-choice" className={styles.section}>
          <h3 id="riskplan-sheet-choice" className={styles.heading}>
            Register sheet choice
          </h3>
          <Field label="Register sheet" hint="Pick another sheet if the wrong one was recognized.">
            <Select className={styles.select} value={registerSheet} disabled={busy} onChange={(_, data) => setRegisterSheet(data.value)}>
              {currentRegister === '' && <option value="">(none found)</option>}
              {userSheets.map((s) => (
                <option key={s.name} value={s.name} title={s.name}>
                  {shortHeader(s.name, 34)}
                </option>
              ))}
            </Select>
          </Field>
          {registerOverride && savedOverride(savedMapping, registerOverride.sheet, 'register') && (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onSaveMapping(resetRegisterSheet(savedMapping))}>
              Reset register sheet to automatic
            </Button>
          )}
          <Field
            label="Header row"
            hint={view.register ? `Found on row ${view.register.headerRow}; leave blank to keep.` : 'Leave blank to find it automatically.'}
            validationMessage={headerRowProblem}
            validationState={headerRowProblem ? 'error' : 'none'}
          >
            <Input type="number" min={1} value={headerRow} disabled={busy} onChange={(_, d) => setHeaderRow(d.value)} />
          </Field>
          {savedHeaderRow && (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onSaveMapping(resetHeaderRow(savedMapping))}>
              Reset header row to automatic
            </Button>
          )}
        </section>
      )}
      {(tables.length > 0 || userSheets.length > 0) && (
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy || headerRowProblem !== undefined} onClick={save}>
            Save mapping
          </Button>
          <Feedback slot="mapping" {...feedback} />
        </div>
      )}
    </div>
  );
}
