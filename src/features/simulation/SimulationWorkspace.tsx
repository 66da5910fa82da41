import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowDocument, RunRecord } from '../../core';
import { simulationDb } from '../../persistence/simulation';
import { DamagedRowsBanner, DamagedRunNotice } from '../durability/DamagedRun';
import { readRun } from './queries';
import { selectDoc, selectSelectedNodeIds } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { useProvideRunControls, type RunControls } from '../actions';
import { DockSplitter } from './dock/DockSplitter';
import { useDockHeight } from './dock/useDockHeight';
import { FirePanel } from './fire/FirePanel';
import { useLiveInterval } from './live/useLiveInterval';
import { useThrottledLiveQuery } from './live/useThrottledLiveQuery';
import { PanelScopeContext, type PanelScope } from './panels/PanelScope';
import { readReport } from './queries';
import { RunPanels } from './RunPanels';
import { runEngine } from './runEngine';
import { isRunStale } from '../../core';
import { RunToolbar } from './toolbar/RunToolbar';
import { LastStep } from './toolbar/LastStep';
import { ResetRunDialog } from './toolbar/ResetRunDialog';
import { ScopeBar } from './toolbar/ScopeBar';
import { requestStop, useRunActions } from './useRunActions';
import { useRunLoop } from './useRunLoop';
import { useReportRefresh } from './live/useReportRefresh';
import './simulation.css';
import { ReplayWithDesign } from '../evolution/ReplayWithDesign';

type AppState = ReturnType<typeof useAppStore.getState>;
const selectPlaying = (s: AppState) => s.simPlaying;
const selectSpeed = (s: AppState) => s.simSpeed;
const selectBusy = (s: AppState) => s.simBusy;
const selectEventId = (s: AppState) => s.simSelectedEventId;
const selectOnlyEvent = (s: AppState) => s.simOnlySelectedEvent;

/**
 * Run mode's dock under the canvas: the run toolbar, the command form and the panels. The run of
 * the open design (one per design) is read live from IndexedDB; a run is started on first entry.
 */
export function SimulationWorkspace() {
  const doc = useAppStore(selectDoc);
  if (!doc) return null;
  return <WorkspaceForDesign doc={doc} />;
}

function WorkspaceForDesign({ doc }: { doc: FlowDocument }) {
  const db = simulationDb();
  const runId = doc.id;
  // The run row is checked before anything reads it: a damaged one offers "reset the run".
  const checked = useThrottledLiveQuery(async () => (await readRun(db, runId)) ?? null, [db, runId], useLiveInterval() / 2);
  const run = checked === undefined ? undefined : checked?.ok ? checked.run : null;
  const [height, setHeight] = useDockHeight();

  // What was followed or travelled to belongs to the previous design's run.
  // Leaving run mode (or the design) stops a long action and the play loop.
  useEffect(() => () => {
    requestStop();
    useAppStore.getState().clearSimView();
  }, [runId]);

  // The first visit to run mode starts a run of the design as it is (seed 1, no faults).
  useEffect(() => {
    if (checked === null) void runEngine().startRun(doc).catch((e: unknown) => useAppStore.getState().showToast(String(e)));
    // Only the absence of a run starts one; later design edits are handled by the stale-run banner.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checked === null, runId]);

  return (
    <section className="bottom-dock sim-workspace" style={{ height }} aria-label="Run workspace" data-testid="bottom-dock">
      <DockSplitter height={height} onResize={setHeight} />
      {checked && !checked.ok ? <DamagedRunNotice runId={runId} problem={checked.problem} />
        : run ? <RunWorkspace db={db} run={run} doc={doc} /> : <p className="sim-hint panel-toolbar">Starting the run…</p>}
    </section>
  );
}

function RunWorkspace({ db, run, doc }: { db: ReturnType<typeof simulationDb>; run: RunRecord; doc: FlowDocument }) {
  const actions = useRunActions(run.runId);
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const busy = useAppStore(selectBusy);
  const eventId = useAppStore(selectEventId);
  const onlyEvent = useAppStore(selectOnlyEvent);
  const { selectSimEvent, setSimSpeed, setMode } = useAppStore.getState();
  const selected = useAppStore(selectSelectedNodeIds);
  const nodeId = selected.length === 1 ? (selected[0] ?? null) : null;
  const stale = useMemo(() => isRunStale(run, doc), [run, doc]);
  const enabled = !stale;
  const report = useThrottledLiveQuery(() => readReport(db, run.runId), [db, run.runId], useLiveInterval());
  useReportRefresh(run.runId, run.step, !!busy);

  const [confirmingReset, setConfirmingReset] = useState(false);
  // The run as last read: a second Run until quiet right after a `waiting` verdict waits it out.
  const latestRun = useRef(run);
  latestRun.current = run;

  useRunLoop(run.runId, actions, playing && enabled, speed);
  // What the registry's run actions (toolbar buttons, S . Space, the command palette) act on.
  const controls = useMemo<RunControls>(() => ({
    current: enabled,
    quiet: run.quiet,
    step: () => void actions.step(),
    togglePlay: () => {
      const s = useAppStore.getState();
      if (!s.simBusy) s.setSimPlaying(!s.simPlaying);
    },
    runUntilQuiet: () => void actions.runUntilQuiet(latestRun.current),
    stop: actions.stop,
    reset: () => setConfirmingReset(true),
  }), [actions, enabled, run.quiet]);
  useProvideRunControls(controls);

  const scope = useMemo<PanelScope>(() => ({
    db,
    runId: run.runId,
    run,
    flow: run.flow,
    nodeId,
    eventId,
    onlyEvent,
    selectEvent: selectSimEvent,
  }), [db, run, nodeId, eventId, onlyEvent, selectSimEvent]);

  return (
    <PanelScopeContext.Provider value={scope}>
      {stale && (
        <div className="sim-banner" role="alert">
          <span>The design changed since this run started. A run never mixes two versions of a design.</span>
          <button type="button" className="sim-btn primary" onClick={() => setConfirmingReset(true)}>Reset the run with this design</button>
          <ReplayWithDesign engine={runEngine} runId={run.runId} doc={doc} />
          <button type="button" className="sim-btn" onClick={() => setMode('design')}>Back to design</button>
        </div>
      )}
      <RunToolbar run={run} report={report} playing={playing} speed={speed} busy={busy} onSpeed={setSimSpeed} scope={<ScopeBar />} />
      {confirmingReset && (
        <ResetRunDialog run={run} withNewDesign={stale}
          onCancel={() => setConfirmingReset(false)}
          onConfirm={() => {
            setConfirmingReset(false);
            void actions.reset(stale ? doc : undefined, run);
          }} />
      )}
      <LastStep />
      <DamagedRowsBanner runId={run.runId} />
      <div className="sim-main">
        <aside className="sim-side" aria-label="Commands">
          <FirePanel run={run} selectedNodeId={nodeId} enabled={enabled && !busy} onFire={actions.fire} onFireMany={actions.fireMany} />
        </aside>
        <RunPanels run={run} report={report} enabled={enabled} actions={actions} />
      </div>
    </PanelScopeContext.Provider>
  );
}
