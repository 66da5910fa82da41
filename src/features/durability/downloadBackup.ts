import { strToU8, zipSync } from 'fflate';
import type { RecoveryFile } from '../../state/designs/recoveryActions';
import { downloadFile } from '../exchange/download';

/** A date for a file name: 2026-05-04-1402. */
function stamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** Zips the recovery files (one folder per source) and downloads them. */
export function downloadBackup(files: readonly RecoveryFile[], now = new Date()): void {
  const entries = new Map(files.map((f) => [f.path, strToU8(f.text)] as const));
  const zip = zipSync(Object.fromEntries(entries)) as Uint8Array<ArrayBuffer>;
  downloadFile({ fileName: `event-flow-designer-backup-${stamp(now)}.zip`, mime: 'application/zip', content: zip });
}

/** Downloads a damaged design's stored row as it is. */
export function downloadRawDesign(name: string, json: string): void {
  const base = name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'design';
  downloadFile({ fileName: `${base}.damaged.raw.json`, mime: 'application/json', content: json });
}
