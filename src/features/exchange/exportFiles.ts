import { strToU8, zipSync } from 'fflate';
import {
  exportBaseName, serializeFlowDocument, toAsyncApi, toAsyncApiYaml, toGivenWhenThen, toJsonSchema, toTraceJson,
  type FlowDocument, type RunSnapshot,
} from '../../core';
import type { ExportFile } from './download';

/** The file name stem of every export of a design (loaded with the exporters, on first use). */
export { exportBaseName } from '../../core';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const JSON_MIME = 'application/json';

/** The JSON Schema bundle (every event type under `$defs`) as text. */
export function schemaBundleText(doc: FlowDocument): string {
  return json(toJsonSchema(doc).bundle);
}

/** The exports that only need the design (no run, no canvas). */
export type DesignExportKind = 'schema-bundle' | 'schema-zip' | 'asyncapi-json' | 'asyncapi-yaml' | 'design';
export type RunExportKind = 'trace' | 'fixtures';

/** Builds one design export's file. */
export function designExport(kind: DesignExportKind, doc: FlowDocument): ExportFile {
  const base = exportBaseName(doc);
  switch (kind) {
    case 'schema-bundle':
      return { fileName: `${base}.events.schema.json`, mime: JSON_MIME, content: schemaBundleText(doc) };
    case 'schema-zip': {
      const { files, bundle } = toJsonSchema(doc);
      const entries = Object.fromEntries(files.map((f) => [f.fileName, strToU8(json(f.schema))]));
      entries['events.bundle.schema.json'] = strToU8(json(bundle));
      return { fileName: `${base}.schemas.zip`, mime: 'application/zip', content: zipSync(entries) as Uint8Array<ArrayBuffer> };
    }
    case 'asyncapi-json':
      return { fileName: `${base}.asyncapi.json`, mime: JSON_MIME, content: json(toAsyncApi(doc)) };
    case 'asyncapi-yaml':
      return { fileName: `${base}.asyncapi.yaml`, mime: 'application/yaml', content: toAsyncApiYaml(doc) };
    case 'design':
      return { fileName: `${base}.flow.json`, mime: JSON_MIME, content: serializeFlowDocument(doc) };
  }
}

/** Builds one run export's file (the trace, or the given/when/then fixture). */
export function runExport(kind: RunExportKind, snapshot: RunSnapshot): ExportFile {
  const base = exportBaseName(snapshot.run.flow);
  return kind === 'trace'
    ? { fileName: `${base}.trace.json`, mime: JSON_MIME, content: json(toTraceJson(snapshot)) }
    : { fileName: `${base}.fixtures.json`, mime: JSON_MIME, content: json(toGivenWhenThen(snapshot)) };
}
