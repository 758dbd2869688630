/**
 * File mode's way in: an "Open workbook" button and a drop zone, with three lines on what the
 * pane gives back. Once a workbook is open it shrinks to the file's name and "Open another".
 */
import * as React from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '12px',
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  dragging: { outline: `2px solid ${tokens.colorCompoundBrandStroke}`, backgroundColor: tokens.colorBrandBackground2 },
  compact: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  list: { margin: 0, paddingLeft: '18px', display: 'flex', flexDirection: 'column', gap: '4px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hidden: { display: 'none' },
  name: { overflowWrap: 'anywhere' },
});

/** .xlsm too: the file adapter keeps the VBA project, and the download keeps the macro extension. */
export const ACCEPTED_FILES =
  '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

export function OpenWorkbook(props: { fileName: string | null; busy: boolean; onFile(file: File): void; children?: React.ReactNode }) {
  const { fileName, busy, onFile } = props;
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);
  const choose = () => input.current?.click();
  const picker = (
    <input
      ref={input}
      type="file"
      accept={ACCEPTED_FILES}
      className={styles.hidden}
      aria-hidden="true"
      tabIndex={-1}
      data-testid="open-workbook-input"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        if (file) onFile(file);
        // Let the same file be picked again after changes on disk.
        e.currentTarget.value = '';
      }}
    />
  );
  const dropHandlers = {
    onDragOver: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: () => setDragging(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files?.[0];
      if (file && !busy) onFile(file);
    },
  };

  if (fileName) {
    return (
      <section className={styles.compact} aria-label="Open workbook" {...dropHandlers}>
        <Text className={styles.name}>
          Working on <strong>{fileName}</strong> (on this computer; nothing is uploaded).
        </Text>
        <Button size="small" disabled={busy} onClick={choose}>
          Open another workbook
        </Button>
        {picker}
        {props.children}
      </section>
    );
  }
  return (
    <section className={mergeClasses(styles.zone, dragging && styles.dragging)} aria-labelledby="riskplan-open-heading" {...dropHandlers}>
      <h2 id="riskplan-open-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        Start with your risk register
      </h2>
      <ul className={styles.list}>
        <li>See which sheets and columns were read, with sample values, and correct them.</li>
        <li>Get the gaps an investigator would flag: no owner, no date, vague actions, unverified fixes.</li>
        <li>Generate a Risk Management Plan and a CAP Progress Report as new sheets, then download the workbook.</li>
      </ul>
      <Button appearance="primary" disabled={busy} onClick={choose}>
        Open workbook
      </Button>
      <Text className={styles.hint}>…or drop an .xlsx file here. It stays on this computer; nothing is uploaded.</Text>
      {picker}
      {props.children}
    </section>
  );
}
