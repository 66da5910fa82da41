import type { AsyncApiTools } from '../../core';
import type { ToolsAnswer, ToolsRequest } from './asyncApiWorker';

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

/** A request before it gets its id (Omit over each member of the union). */
type NewRequest = ToolsRequest extends infer R ? (R extends ToolsRequest ? Omit<R, 'id'> : never) : never;

/** Sends one request to the (lazily started) worker that runs the AsyncAPI parser. */
function call(request: NewRequest): Promise<unknown> {
  if (!worker) {
    worker = new Worker(new URL('./asyncApiWorker.ts', import.meta.url), { type: 'module', name: 'asyncapi-parser' });
    worker.onmessage = (event: MessageEvent<ToolsAnswer>) => {
      const answer = event.data;
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      if (answer.ok) waiting?.resolve(answer.result);
      else waiting?.reject(new Error(answer.error));
    };
    worker.onerror = (event) => {
      const error = new Error(`the AsyncAPI parser could not start: ${event.message || 'worker error'}`);
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      worker?.terminate();
      worker = undefined;
    };
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ ...request, id } as ToolsRequest);
  });
}

/**
 * The import's AsyncAPI tools for the browser: @asyncapi/parser and the Avro schema parser run in
 * a worker (a chunk of its own, started on the first AsyncAPI import), see asyncApiWorker.ts.
 */
export const asyncApiToolsInWorker: AsyncApiTools = {
  validate: (path, text, files) => call({ method: 'validate', path, text, files: [...files] }) as ReturnType<AsyncApiTools['validate']>,
  avroToJsonSchema: (schema) => call({ method: 'avro', schema }) as ReturnType<AsyncApiTools['avroToJsonSchema']>,
};
