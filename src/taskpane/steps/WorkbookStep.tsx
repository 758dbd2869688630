/**
 * Step 1: which sheets were recognized as the register and the CAP (and why), and the
 * column mapping with confidence; each role can be pointed at another header or at
 * "(not in sheet)", then saved into the workbook.
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
import type { MappingOverride, Role, TableRead, WorkbookRead } from '../../core/model';
import type { SheetInfo } from '../../core/port';
import { STORE_SHEET_NAME } from '../../core/settings';
import { Message } from '../Message';
import { NO_REGISTER_MESSAGE } from '../messages';
import { MAPPING_ROLES, NOT_IN_SHEET, buildOverrides, chooseRegisterSheet, currentMapping, roleLabel } from '../mapping';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: '6px', marginBottom: '12px' },
  row: { display: 'grid', gridTemplateColumns: '1fr 1.3fr', alignItems: 'center', columnGap: '6px', rowGap: '2px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { margin: 0, paddingLeft: '18px' },
});

export interface WorkbookStepProps {
  read: WorkbookRead;
  /** The workbook's sheets, for choosing the register sheet by hand. */
  sheets: SheetInfo[];
  savedMapping: MappingOverride[];
  busy: boolean;
  onSaveMapping(mapping: MappingOverride[]): void;
}

type Choices = Record<string, Partial<Record<Role, string>>>;

const tableKey = (t: TableRead) => `${t.kind}:${t.sheet}`;

/** "Register: sheet X, 24 risks (rows 5-28)" and the reason it was chosen. */
function TableSummary({ table }: { table: TableRead }) {
  const styles = useStyles();
  const count = table.entries.length;
  const noun = table.kind === 'register' ? (count === 1 ? 'risk' : 'risks') : count === 1 ? 'corrective action' : 'corrective actions';
  const rows = table.firstRow === table.lastRow ? `row ${table.firstRow}` : `rows ${table.firstRow}–${table.lastRow}`;
  return (
    <div>
      <Text weight="semibold">{table.kind === 'register' ? 'Risk register' : 'Corrective action plan'}: </Text>
      <Text>
        sheet “{table.sheet}”, {count} {noun} ({rows}, header row {table.headerRow})
      </Text>
      <div className={styles.hint}>Why: {table.reason}</div>
    </div>
  );
}

function confidenceText(table: TableRead, role: Role): string {
  const match = table.columns[role];
  if (!match) return 'not found';
  if (match.source === 'override') return 'your choice';
  const pct = Math.round(match.confidence * 100);
  return pct < 60 ? `${pct}% sure, please check` : `${pct}% sure`;
}

function MappingTable({
  table,
  choices,
  onChoose,
  disabled,
}: {
  table: TableRead;
  choices: Partial<Record<Role, string>>;
  onChoose(role: Role, letter: string): void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const current = currentMapping(table);
  const mapped = MAPPING_ROLES.filter((r) => current[r] !== NOT_IN_SHEET);
  const unmapped = MAPPING_ROLES.filter((r) => current[r] === NOT_IN_SHEET);
  const roleRow = (role: Role) => {
    const id = `map-${table.kind}-${table.sheet}-${role}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const value = choices[role] ?? current[role];
    return (
      <React.Fragment key={role}>
        <label htmlFor={id}>{roleLabel(role)}</label>
        <Select id={id} value={value} disabled={disabled} onChange={(_, data) => onChoose(role, data.value)}>
          <option value={NOT_IN_SHEET}>(not in sheet)</option>
          {table.headers.map((h) => (
            <option key={h.letter} value={h.letter}>
              {h.letter}: {h.text}
            </option>
          ))}
        </Select>
        <span className={styles.hint} style={{ gridColumn: '2' }}>
          {choices[role] !== undefined && choices[role] !== current[role] ? 'changed: save to apply' : confidenceText(table, role)}
        </span>
      </React.Fragment>
    );
  };
  return (
    <section aria-label={`Columns of sheet ${table.sheet}`} className={styles.section}>
      <Text weight="semibold">Columns of “{table.sheet}”</Text>
      {table.ambiguities.length > 0 && (
        <ul className={styles.list} aria-label="Columns to check">
          {table.ambiguities.map((a) => (
            <li key={a}>Check: {a}</li>
          ))}
        </ul>
      )}
      <div className={styles.row}>{mapped.map(roleRow)}</div>
      {unmapped.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="unmapped">
            <AccordionHeader size="small">Roles not found ({unmapped.length})</AccordionHeader>
            <AccordionPanel>
              <div className={styles.row}>{unmapped.map(roleRow)}</div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </section>
  );
}

/** Step 1 of the pane. */
export function WorkbookStep({ read, sheets, savedMapping, busy, onSaveMapping }: WorkbookStepProps): React.ReactElement {
  const styles = useStyles();
  const [choices, setChoices] = React.useState<Choices>({});
  const currentRegister = read.register?.sheet ?? '';
  const [registerSheet, setRegisterSheet] = React.useState(currentRegister);
  const [headerRow, setHeaderRow] = React.useState('');
  const tables = [...(read.register ? [read.register] : []), ...read.caps];
  // Saving makes the pending choices moot; a re-read after an edit in Excel keeps them.
  // Each read parses the settings afresh, so compare the saved mapping by content.
  const savedKey = JSON.stringify(savedMapping);
  React.useEffect(() => {
    setChoices({});
    setHeaderRow('');
  }, [savedKey]);
  React.useEffect(() => setRegisterSheet(currentRegister), [currentRegister, savedKey]);
  // Only the user's own sheets can be the register: not ours, not hidden ones.
  const userSheets = sheets.filter((s) => s.visibility === 'visible' && s.marker === null && s.name !== STORE_SHEET_NAME);
  const headerRowNumber = headerRow.trim() === '' ? undefined : Number(headerRow);
  const headerRowProblem =
    headerRowNumber !== undefined && !(Number.isInteger(headerRowNumber) && headerRowNumber >= 1 && headerRowNumber <= 1_048_576)
      ? 'Enter the row number of the column headers, e.g. 3.'
      : undefined;
  const sheetChanged = registerSheet !== '' && registerSheet !== currentRegister;

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
  const errors = read.issues.filter((i) => i.severity === 'error').length;

  return (
    <div className={styles.section}>
      {!read.register && <Message message={NO_REGISTER_MESSAGE} />}
      {read.register && <TableSummary table={read.register} />}
      {read.caps.map((cap) => (
        <TableSummary key={tableKey(cap)} table={cap} />
      ))}
      {!read.register && read.candidates.length > 0 && (
        <div>
          <Text weight="semibold">Sheets looked at</Text>
          <ul className={styles.list}>
            {read.candidates.map((c) => (
              <li key={c.sheet}>
                “{c.sheet}”: {c.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {read.issues.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="issues">
            <AccordionHeader size="small">
              Cells that could not be read ({read.issues.length}
              {errors > 0 ? `, ${errors} errors` : ''})
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {read.issues.slice(0, 200).map((issue, i) => (
                  <li key={i}>
                    {issue.severity === 'error' ? 'Error' : issue.severity === 'warning' ? 'Warning' : 'Note'}:{' '}
                    {issue.sheet}
                    {issue.cell ? `!${issue.cell}` : ''}: {issue.message}
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      {tables.map((table) => (
        <MappingTable
          key={tableKey(table)}
          table={table}
          disabled={busy}
          choices={choices[tableKey(table)] ?? {}}
          onChoose={(role, letter) =>
            setChoices((all) => ({ ...all, [tableKey(table)]: { ...(all[tableKey(table)] ?? {}), [role]: letter } }))
          }
        />
      ))}
      {userSheets.length > 0 && (
        <section aria-label="Register sheet choice" className={styles.section}>
          <Field label="Register sheet" hint="Pick another sheet if the wrong one was recognized.">
            <Select value={registerSheet} disabled={busy} onChange={(_, data) => setRegisterSheet(data.value)}>
              {currentRegister === '' && <option value="">(none found)</option>}
              {userSheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Header row"
            hint={read.register ? `Found on row ${read.register.headerRow}; leave blank to keep.` : 'Leave blank to find it automatically.'}
            validationMessage={headerRowProblem}
            validationState={headerRowProblem ? 'error' : 'none'}
          >
            <Input type="number" min={1} value={headerRow} disabled={busy} onChange={(_, d) => setHeaderRow(d.value)} />
          </Field>
        </section>
      )}
      {(tables.length > 0 || userSheets.length > 0) && (
        <Button appearance="primary" disabled={busy || headerRowProblem !== undefined} onClick={save}>
          Save mapping
        </Button>
      )}
    </div>
  );
}
