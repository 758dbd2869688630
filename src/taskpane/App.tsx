/**
 * The pane: three steps (Workbook, Review, Generate) over one open workbook. In Excel it
 * works on the open workbook; elsewhere it first asks for an .xlsx file.
 */
import * as React from 'react';
import {
  Button,
  FluentProvider,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { ErrorBoundary } from './ErrorBoundary';
import { Message } from './Message';
import { MERGED_AREAS_WARNING, PAGE_LAYOUT_WARNING } from './messages';
import { useWorkbook, type UseWorkbookOptions } from './useWorkbook';
import { WorkbookStep } from './steps/WorkbookStep';
import { ReviewStep } from './steps/ReviewStep';
import { GenerateStep } from './steps/GenerateStep';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    padding: '12px',
    maxWidth: '100%',
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  file: { display: 'flex', flexDirection: 'column', gap: '4px' },
  busy: { display: 'flex', flexDirection: 'column', gap: '4px' },
  panel: { paddingTop: '4px' },
});

type StepName = 'workbook' | 'review' | 'generate';

export type AppProps = UseWorkbookOptions;

function Pane(props: AppProps): React.ReactElement {
  const styles = useStyles();
  const wb = useWorkbook(props);
  const [step, setStep] = React.useState<StepName>('workbook');
  const busy = wb.busy !== null;
  const port = wb.port;
  const fileInputId = 'riskplan-open-workbook';

  return (
    <main className={styles.root} aria-busy={busy}>
      <h1 className={styles.title}>Risk Plan</h1>
      {wb.mode === 'file' && (
        <div className={styles.file}>
          <label htmlFor={fileInputId}>
            <Text weight="semibold">Open workbook</Text>
          </label>
          <input
            id={fileInputId}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void wb.openFile(file);
              // Let the same file be picked again after changes on disk.
              e.currentTarget.value = '';
            }}
          />
          <Text size={200}>
            {wb.fileName ? `Working on ${wb.fileName} (on this computer; nothing is uploaded).` : 'Pick the .xlsx that holds your risk register. It stays on this computer.'}
          </Text>
        </div>
      )}
      {port && !port.capabilities().pageLayout && wb.mode === 'excel' && <Message message={PAGE_LAYOUT_WARNING} />}
      {port && !port.capabilities().mergedAreas && wb.mode === 'excel' && <Message message={MERGED_AREAS_WARNING} />}
      {wb.state?.warnings.map((w, i) => (
        <Message key={i} message={{ intent: 'warning', title: 'Saved settings ignored', body: w }} />
      ))}
      {wb.message && <Message message={wb.message} onDismiss={wb.dismissMessage} />}
      {wb.busy && (
        <div className={styles.busy}>
          <Spinner size="tiny" label={`${wb.busy.label}…`} />
          {wb.busy.fraction !== undefined && (
            <ProgressBar value={wb.busy.fraction} max={1} aria-label={`${wb.busy.label}: progress`} />
          )}
        </div>
      )}
      {!wb.state && !busy && wb.mode === 'excel' && (
        <Button appearance="primary" onClick={() => void wb.reload()}>
          Read the workbook again
        </Button>
      )}
      {wb.state && (
        <>
          <TabList
            selectedValue={step}
            onTabSelect={(_, data) => setStep(data.value as StepName)}
            size="small"
            aria-label="Steps"
          >
            <Tab value="workbook">1. Workbook</Tab>
            <Tab value="review">2. Review</Tab>
            <Tab value="generate">3. Generate</Tab>
          </TabList>
          <div role="tabpanel" aria-label={step} className={styles.panel}>
            {step === 'workbook' && (
              <WorkbookStep
                read={wb.state.read}
                sheets={wb.state.sheets}
                savedMapping={wb.state.settings.mapping}
                busy={busy}
                onSaveMapping={(m) => void wb.saveMapping(m)}
              />
            )}
            {step === 'review' && (
              <ReviewStep
                analysis={wb.state.analysis}
                busy={busy}
                highlightOutcome={wb.highlightResult}
                onSelectCell={wb.selectCell ? (sheet, cell) => void wb.selectCell?.(sheet, cell) : undefined}
                onHighlight={() => void wb.highlight()}
                onClear={() => void wb.clear()}
                matrix={{
                  saved: wb.state.settings.matrix,
                  form: wb.matrixForm,
                  onChange: wb.setMatrixForm,
                  onSave: () => void wb.saveMatrix(),
                }}
              />
            )}
            {step === 'generate' && (
              <GenerateStep
                form={wb.form}
                busy={busy}
                mode={wb.mode}
                hasRegister={wb.state.read.register !== null}
                generated={wb.generated}
                onField={wb.setFormField}
                onGeneratePlan={() => void wb.generatePlan()}
                onGenerateProgress={() => void wb.generateProgress()}
                onActivateSheet={wb.activateSheet ? (s) => void wb.activateSheet?.(s) : undefined}
                onDownload={wb.mode === 'file' ? () => void wb.download() : undefined}
              />
            )}
          </div>
        </>
      )}
    </main>
  );
}

/** The whole pane inside the Fluent theme and an error boundary (never a blank pane). */
export function App(props: AppProps): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme}>
      <ErrorBoundary>
        <Pane {...props} />
      </ErrorBoundary>
    </FluentProvider>
  );
}
