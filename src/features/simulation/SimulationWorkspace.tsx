import { useEffect, useMemo, useState } from 'react';
import type { RunSession, RunSessionState } from '../../session';
import { selectDoc, selectSelectedNodeIds } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { useProvideRunControls, type RunControls } from '../actions';
import { DockSplitter } from './dock/DockSplitter';
import { useDockHeight } from './dock/useDockHeight';
import { FirePanel } from './fire/FirePanel';
import { PanelScopeContext, type PanelScope } from './panels/PanelScope';
import { RunPanels } from './RunPanels';
import { RunToolbar } from './toolbar/RunToolbar';
import { DriveBanner } from './toolbar/DriveBanner';
import { LastStep } from './toolbar/LastStep';
import { ResetRunDialog } from './toolbar/ResetRunDialog';
import { ScopeBar } from './toolbar/ScopeBar';
import { useRunActions } from './useRunActions';
import { useReportRefresh } from './live/useReportRefresh';
import { useRunSessionOrNull, useRunSessionState } from './session/RunSessionContext';
import './simulation.css';
import { DamagedRowsBanner, DamagedRunNotice } from '../durability/DamagedRun';
import { ReplayWithDesign } from '../evolution/ReplayWithDesign';

type AppState = ReturnType<typeof useAppStore.getState>;
const selectEventId = (s: AppState) => s.simSelectedEventId;
const selectOnlyEvent = (s: AppState) => s.simOnlySelectedEvent;

/**
 * Run mode's dock under the canvas: the run toolbar, the command form and the panels. It renders
 * the run session of the open design (src/session: the engine, play/stop/busy and the run row are
 * its); the session starts a run on the first visit to run mode.
 */
export function SimulationWorkspace() {
  const doc = useAppStore(selectDoc);
  const session = useRunSessionOrNull();
  const [height, setHeight] = useDockHeight();
  if (!doc) return null;
  return (
    <section className="bottom-dock sim-workspace" style={{ height }} aria-label="Run workspace" data-testid="bottom-dock">
      <DockSplitter height={height} onResize={setHeight} />
      {session && session.runId === doc.id
        ? <SessionWorkspace key={session.runId} session={session} />
        : <p className="sim-hint panel-toolbar">Starting the run…</p>}
    </section>
  );
}

function SessionWorkspace({ session }: { session: RunSession }) {
  const state = useRunSessionState(session);
  // What was followed or travelled to belongs to the previous design's run.
  useEffect(() => () => useAppStore.getState().clearSimView(), [session]);
  if (state.damaged !== undefined) return <DamagedRunNotice problem={state.damaged} onReset={() => session.reset()} />;
  if (!state.run) return <p className="sim-hint panel-toolbar">Starting the run…</p>;
  return <RunWorkspace session={session} state={state} run={state.run} />;
}

function RunWorkspace({ session, state, run }: { session: RunSession; state: RunSessionState; run: NonNullable<RunSessionState['run']> }) {
  const actions = useRunActions(session);
  const { playing, speed, busy, stale, report, drive } = state;
  const eventId = useAppStore(selectEventId);
  const onlyEvent = useAppStore(selectOnlyEvent);
  const { selectSimEvent, setMode } = useAppStore.getState();
  const doc = useAppStore(selectDoc);
  const selected = useAppStore(selectSelectedNodeIds);
  const nodeId = selected.length === 1 ? (selected[0] ?? null) : null;
  // Only the tab that drives the run changes it (a Web Lock per run); the others watch it live.
  const watching = drive !== 'driving';
  const enabled = !stale && !watching;
  useReportRefresh(session, run.step, !!busy || watching);

  const [confirmingReset, setConfirmingReset] = useState(false);
  // What the registry's run actions (toolbar buttons, S . Space, the command palette) act on.
  const controls = useMemo<RunControls>(() => ({
    current: enabled,
    quiet: run.quiet,
    playing,
    busy: busy !== null,
    watching,
    step: () => void session.step(),
    togglePlay: session.togglePlay,
    runUntilQuiet: () => void session.runUntilQuiet(),
    stop: session.stop,
    reset: () => setConfirmingReset(true),
  }), [session, enabled, run.quiet, playing, busy, watching]);
  useProvideRunControls(controls);

  const scope = useMemo<PanelScope>(() => ({
    db: session.tables,
    runId: run.runId,
    run,
    flow: run.flow,
    nodeId,
    eventId,
    onlyEvent,
    selectEvent: selectSimEvent,
  }), [session, run, nodeId, eventId, onlyEvent, selectSimEvent]);

  return (
    <PanelScopeContext.Provider value={scope}>
      <DriveBanner drive={drive} onTakeOver={() => void session.takeOver()} />
      {stale && !watching && (
        <div className="sim-banner" role="alert">
          <span>The design changed since this run started. A run never mixes two versions of a design.</span>
          <button type="button" className="sim-btn primary" onClick={() => setConfirmingReset(true)}>Reset the run with this design</button>
          {doc && <ReplayWithDesign replay={(design) => session.write((engine, runId) => engine.replayWithDesign(runId, design))} doc={doc} />}
          <button type="button" className="sim-btn" onClick={() => setMode('design')}>Back to design</button>
        </div>
      )}
      <RunToolbar run={run} report={report} playing={playing} speed={speed} busy={busy} onSpeed={session.setSpeed} scope={<ScopeBar />} />
      {confirmingReset && (
        <ResetRunDialog run={run} withNewDesign={stale}
          onCancel={() => setConfirmingReset(false)}
          onConfirm={() => {
            setConfirmingReset(false);
            useAppStore.getState().clearSimView();
            void session.reset();
          }} />
      )}
      <LastStep lastTrace={state.lastTrace} />
      <DamagedRowsBanner runId={run.runId} onReset={() => session.reset()} />
      <div className="sim-main">
        <aside className="sim-side" aria-label="Commands">
          <FirePanel run={run} selectedNodeId={nodeId} enabled={enabled && !busy} playing={playing} onFire={session.fire} onFireMany={session.fireMany}
            preview={session.previewPayload} />
        </aside>
        <RunPanels run={run} report={report} enabled={enabled} actions={actions} />
      </div>
    </PanelScopeContext.Provider>
  );
}
