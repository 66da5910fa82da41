import { shortenFileName } from './shortenFileName';

/** What one export produces: a file name, its MIME type and its content. */
export interface ExportFile {
  fileName: string;
  mime: string;
  content: string | Uint8Array<ArrayBuffer> | Blob;
}

/** Saves a file through the browser's download (an object URL on a temporary link). */
export function downloadFile(file: ExportFile): void {
  const blob = file.content instanceof Blob ? file.content : new Blob([file.content], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = shortenFileName(file.fileName);
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
