import { useState } from 'react';
import { useAppStore } from '../../state/store';
import type { StorageFault } from '../../state/designs/designTypes';
import { downloadBackup } from './downloadBackup';
import './durability.css';

interface Explanation {
  title: string;
  happened: string;
  reset: { label: string; explains: string; confirm?: string };
}

const KEPT = 'The design that was open in this page is still here, in memory, and it is put back when the app starts again.';

const EXPLAIN: Record<StorageFault['kind'], Explanation> = {
  deleted: {
    title: 'The designs database was deleted while the app was open',
    happened: `Something removed this browser’s storage for Event Flow Designer — for example “Clear site data”, the developer tools or a cleaning program. ${KEPT}`,
    reset: { label: 'Start again', explains: 'creates a new, empty database and puts the design that was open here back into it.' },
  },
  closed: {
    title: 'The browser closed the designs database',
    happened: `The browser took the app’s storage away while the app was open (this happens when site data is cleared). ${KEPT}`,
    reset: { label: 'Start again', explains: 'opens the database afresh and puts the design that was open here back into it.' },
  },
  replaced: {
    title: 'A newer version of Event Flow Designer is open in another tab',
    happened: `That tab updated the designs database to its version, so this page can no longer save. ${KEPT}`,
    reset: { label: 'Reload this page', explains: 'loads the newer version here too.' },
  },
  upgrade: {
    title: 'The designs database could not be opened',
    happened: 'It was written by a different version of Event Flow Designer, or updating it to this version failed. Nothing in it was changed.',
    reset: {
      label: 'Reset the database…',
      explains: 'deletes the database and starts with an empty one. Open the downloaded .flow.json files afterwards (Open…) to bring your designs back.',
      confirm: 'This deletes every design stored in this browser. Download everything first if you have not.',
    },
  },
  unavailable: {
    title: 'This browser does not let the app store designs',
    happened: 'Storage is switched off for this site (some private windows and strict privacy settings do this), so nothing can be saved.',
    reset: { label: 'Reload this page', explains: 'tries again, e.g. after allowing storage for this site.' },
  },
  other: {
    title: 'The designs database could not be opened',
    happened: 'The browser refused to open the app’s storage. Nothing in it was changed.',
    reset: {
      label: 'Reset the database…',
      explains: 'deletes the database and starts with an empty one. Open the downloaded .flow.json files afterwards (Open…) to bring your designs back.',
      confirm: 'This deletes every design stored in this browser. Download everything first if you have not.',
    },
  },
};

/**
 * Shown instead of the editor when the designs database cannot be used: what happened, what is safe,
 * and the two steps out (download everything readable, then reset), in plain words.
 */
export function RecoveryScreen({ fault }: { fault: StorageFault }) {
  const explanation = EXPLAIN[fault.kind];
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState(false);

  const download = async () => {
    setBusy('Reading everything that can still be read…');
    try {
      downloadBackup(await useAppStore.getState().readableBackup());
      setDownloaded(true);
    } finally {
      setBusy(null);
    }
  };

  const reset = async () => {
    setBusy('Resetting…');
    if (fault.kind !== 'replaced' && fault.kind !== 'unavailable') await useAppStore.getState().resetDesignsDatabase();
    window.location.reload();
  };

  return (
    <main className="recovery-screen" aria-labelledby="recovery-title">
      <div className="recovery-screen__card">
        <h1 id="recovery-title">{explanation.title}</h1>
        <p>{explanation.happened}</p>
        <h2>What to do</h2>
        <ol>
          <li><strong>Download everything readable</strong>: a .zip with each design this page can still read as a .flow.json file you can open again, and the raw stored data.</li>
          <li><strong>{explanation.reset.label.replace('…', '')}</strong>: {explanation.reset.explains}</li>
        </ol>
        <div className="recovery-screen__actions">
          <button type="button" className="tool-button tool-button--primary" disabled={busy !== null} onClick={() => void download()}>
            Download everything readable
          </button>
          {!confirming && (
            <button type="button" className="tool-button" disabled={busy !== null}
              onClick={() => (explanation.reset.confirm ? setConfirming(true) : void reset())}>{explanation.reset.label}</button>
          )}
        </div>
        {downloaded && <p className="recovery-screen__done" role="status">The download has started. Keep the .zip until your designs are back.</p>}
        {confirming && (
          <div className="recovery-screen__confirm" role="group" aria-label="Confirm the reset">
            <p>{explanation.reset.confirm}</p>
            <button type="button" className="tool-button tool-button--danger" disabled={busy !== null} onClick={() => void reset()}>Delete and start again</button>
            <button type="button" className="tool-button" onClick={() => setConfirming(false)}>Cancel</button>
          </div>
        )}
        {busy && <p role="status">{busy}</p>}
        <details className="recovery-screen__detail">
          <summary>Technical detail</summary>
          <code>{fault.detail}</code>
        </details>
      </div>
    </main>
  );
}
