// The AsyncAPI parser and the Avro schema parser, in a worker: the page's Content Security Policy
// forbids `eval`, which the parser's schema validator (ajv) compiles with; a worker loaded from
// the app's own origin is not under the page's <meta> policy. It also keeps a long validation off
// the main thread. Requests and answers are plain data (see asyncApiToolsInWorker.ts).
import { createAsyncApiTools } from '../../core/exporters/asyncapi/parserTools';

const tools = createAsyncApiTools();

export type ToolsRequest =
  | { id: number; method: 'validate'; path: string; text: string; files: [string, string][] }
  | { id: number; method: 'avro'; schema: unknown };

export type ToolsAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

self.onmessage = async (event: MessageEvent<ToolsRequest>) => {
  const request = event.data;
  try {
    const result = request.method === 'validate'
      ? await tools.validate(request.path, request.text, new Map(request.files))
      : await tools.avroToJsonSchema(request.schema);
    self.postMessage({ id: request.id, ok: true, result } satisfies ToolsAnswer);
  } catch (error) {
    self.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ToolsAnswer);
  }
};
