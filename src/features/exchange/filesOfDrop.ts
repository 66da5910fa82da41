/**
 * What was dropped, read while the drop event lasts (a folder's entries are only available then).
 * Apart from the collector so that it stays on the first visit while the collector (and its unzip)
 * loads on first use: call it synchronously in the drop handler, before any `await`.
 */
/** A dropped folder's files, walked through the File and Directory Entries API (`webkitGetAsEntry`). */
export async function filesOfDrop(transfer: DataTransfer): Promise<{ file: File; path?: string }[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0 || entries.every((e) => e.isFile)) return [...transfer.files].map((file) => ({ file }));
  const out: { file: File; path?: string }[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ file, path: entry.fullPath.replace(/^\/+/, '') });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns the entries in batches until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}
