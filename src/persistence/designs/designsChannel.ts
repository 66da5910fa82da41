/** What tabs tell each other about designs. */
export type DesignsMessage =
  | { kind: 'saved'; designId: string; revision: number; tabId: string }
  | { kind: 'deleted'; designId: string; tabId: string };

/** Tabs of one browser profile hear each other's saves and deletes. */
export interface DesignsChannel {
  post(message: DesignsMessage): void;
  /** Listens to other tabs' messages (never this tab's own); returns the unsubscribe. */
  subscribe(listener: (message: DesignsMessage) => void): () => void;
  close(): void;
}

/** The channel's name, shared by every tab of the origin. */
export const DESIGNS_CHANNEL_NAME = 'efd-designs';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks a message from another tab (another version of the app may send something else). */
export function checkDesignsMessage(data: unknown): DesignsMessage | undefined {
  if (!isObject(data) || typeof data.designId !== 'string' || typeof data.tabId !== 'string') return undefined;
  if (data.kind === 'deleted') return { kind: 'deleted', designId: data.designId, tabId: data.tabId };
  if (data.kind === 'saved' && typeof data.revision === 'number' && Number.isSafeInteger(data.revision)) {
    return { kind: 'saved', designId: data.designId, revision: data.revision, tabId: data.tabId };
  }
  return undefined;
}

/** A channel over BroadcastChannel; without it (very old browsers) tabs learn of changes when they save. */
export function createDesignsChannel(name: string = DESIGNS_CHANNEL_NAME): DesignsChannel {
  if (typeof BroadcastChannel === 'undefined') {
    return { post() {}, subscribe: () => () => {}, close() {} };
  }
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: DesignsMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    const message = checkDesignsMessage(event.data);
    if (message) for (const listener of listeners) listener(message);
  };
  // Node keeps its event loop alive for an open channel; the browser has no unref.
  (channel as { unref?: () => void }).unref?.();
  return {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // A closed channel (the page is going away): other tabs learn of the change when they save.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
    },
  };
}
