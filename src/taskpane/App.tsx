/**
 * The pane: three steps (Workbook, Review, Generate) over one open workbook. In Excel it
 * works on the open workbook; elsewhere it first asks for an .xlsx file.
 */
import * as React from 'react';
import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from './ErrorBoundary';
import { Message } from './Message';
import { MERGED_AREAS_WARNING, PAGE_LAYOUT_WARNING } from './messages';
import { useWorkbook, type UseWorkbookOptions } from './useWorkbook';
import { Feedback } from './Feedback';
import { OpenWorkbook } from './OpenWorkbook';
import { StepTabs, panelId, tabId } from './StepTabs';
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
    minWidth: 0,
    boxSizing: 'border-box',
    fontFamily: tokens.fontFamilyBase,
    overflowWrap: 'anywhere',
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  panel: { paddingTop: '4px', minWidth: 0 },
  prompt: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '10px',
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  promptButtons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  stepHeading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '0 0 8px' },
});

/**
 * "Discard the changes?" next to the Open button, before a new file replaces work not downloaded.
 * Not a modal Dialog: Fluent's modal focus trap leaves aria-hidden focusable elements in the page.
 * Focus moves to it, and Escape keeps working.
 */
function DiscardPrompt(props: { current: string; next: string; onDiscard(): void; onKeep(): void }) {
  const styles = useStyles();
  const first = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => first.current?.focus(), []);
  return (
    <section
      role="alertdialog"
      aria-labelledby="riskplan-discard-title"
      aria-describedby="riskplan-discard-body"
      className={styles.prompt}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onKeep();
      }}
    >
      <h2 id="riskplan-discard-title" className={styles.stepHeading}>
        Discard the changes to {props.current}?
      </h2>
      <p id="riskplan-discard-body" style={{ margin: 0 }}>
        The sheets and settings added to {props.current} have not been downloaded. Opening {props.next} closes it and they are lost. Keep
        working and download the workbook first to keep them.
      </p>
      <div className={styles.promptButtons}>
        <Button ref={first} onClick={props.onKeep}>
          Keep working
        </Button>
        <Button appearance="primary" onClick={props.onDiscard}>
          Discard and open {props.next}
        </Button>
      </div>
    </section>
  );
}

type StepName = 'workbook' | 'review' | 'generate';

const STEPS: { value: StepName; label: string; heading: string }[] = [
  { value: 'workbook', label: '1. Workbook', heading: 'What was read' },
  { value: 'review', label: '2. Review', heading: 'Risks and gaps' },
  { value: 'generate', label: '3. Generate', heading: 'Generate the reports' },
];

export type AppProps = UseWorkbookOptions;

function Pane(props: AppProps): React.ReactElement {
  const styles = useStyles();
  const wb = useWorkbook(props);
  const [step, setStep] = React.useState<StepName>('workbook');
  const [pendingFile, setPendingFile] = React.useState<File | null>(null);
  const busy = wb.busy !== null;
  const view = wb.view;
  const caps = wb.capabilities;
  const current = STEPS.find((s) => s.value === step)!;

  const open = async (file: File) => {
    await wb.openFile(file);
    setStep('workbook');
  };
  const pick = (file: File) => {
    // Work not yet downloaded would be lost: ask first.
    if (wb.unsaved) setPendingFile(file);
    else void open(file);
  };

  return (
    <main className={styles.root} aria-busy={busy}>
      <h1 className={styles.title}>Risk Plan</h1>
      {wb.mode === 'file' && (
        <OpenWorkbook fileName={wb.fileName} busy={busy} onFile={pick}>
          <Feedback slot="open" busy={wb.busy} message={wb.message} onDismiss={wb.dismissMessage} />
        </OpenWorkbook>
      )}
      {pendingFile && wb.fileName && (
        <DiscardPrompt
          current={wb.fileName}
          next={pendingFile.name}
          onDiscard={() => {
            const file = pendingFile;
            setPendingFile(null);
            void open(file);
          }}
          onKeep={() => setPendingFile(null)}
        />
      )}
      {caps && !caps.pageLayout && wb.mode === 'excel' && <Message message={PAGE_LAYOUT_WARNING} />}
      {caps && !caps.mergedAreas && wb.mode === 'excel' && <Message message={MERGED_AREAS_WARNING} />}
      {view?.warnings.map((w, i) => (
        <Message key={i} message={{ intent: 'warning', title: 'Saved settings ignored', body: w }} />
      ))}
      <Feedback slot="read" busy={wb.busy} message={wb.message} onDismiss={wb.dismissMessage} />
      {!view && !busy && wb.mode === 'excel' && (
        <Button appearance="primary" onClick={() => void wb.reload()}>
          Read the workbook again
        </Button>
      )}
      {view && (
        <>
          <StepTabs<StepName> tabs={STEPS} selected={step} onSelect={setStep} label="Steps" />
          <div role="tabpanel" id={panelId(step)} aria-labelledby={tabId(step)} className={styles.panel} tabIndex={0}>
            <h2 className={styles.stepHeading}>{current.heading}</h2>
            {step === 'workbook' && (
              <WorkbookStep
                view={view}
                busy={busy}
                feedback={{ busy: wb.busy, message: wb.message, onDismiss: wb.dismissMessage }}
                onSaveMapping={(m) => void wb.saveMapping(m)}
              />
            )}
            {step === 'review' && (
              <ReviewStep
                view={view}
                busy={busy}
                highlightOutcome={wb.highlightResult}
                feedback={{ busy: wb.busy, message: wb.message, onDismiss: wb.dismissMessage }}
                onSelectCell={wb.selectCell ? (sheet, cell) => void wb.selectCell?.(sheet, cell) : undefined}
                onHighlight={() => void wb.highlight()}
                onChooseTier={(key, tier) => void wb.chooseTier(key, tier)}
                onClear={() => void wb.clear()}
                matrix={{
                  saved: view.settings.matrix,
                  form: wb.matrixForm,
                  onChange: wb.setMatrixForm,
                  onSave: () => void wb.saveMatrix(),
                }}
              />
            )}
            {step === 'generate' && (
              <GenerateStep
                view={view}
                form={wb.form}
                busy={busy}
                mode={wb.mode}
                generated={wb.generated}
                unsaved={wb.unsaved}
                feedback={{ busy: wb.busy, message: wb.message, onDismiss: wb.dismissMessage }}
                onField={wb.setFormField}
                onGeneratePlan={() => void wb.generatePlan()}
                onGenerateProgress={() => void wb.generateProgress()}
                onCheckColumns={() => setStep('workbook')}
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
