import { strToU8, zipSync } from 'fflate';
import {
  asyncApiYaml, exportBaseName, serializeFlowDocument, toAsyncApi, toAsyncApiServices, toAsyncApiYaml, toGivenWhenThen,
  toJsonSchema, toTraceJson, type FlowDocument, type RunSnapshot,
} from '../../core';
import type { ExportFile } from './download';

/** The file name stem of every export, and the contract baseline an export records (loaded with the exporters, on first use). */
export { baselineOf, exportBaseName } from '../../core';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const JSON_MIME = 'application/json';

/** The JSON Schema bundle (every event type under `$defs`) as text. */
export function schemaBundleText(doc: FlowDocument): string {
  return json(toJsonSchema(doc).bundle);
}

/** The exports that only need the design (no run, no canvas). */
export type DesignExportKind =
  | 'schema-bundle' | 'schema-zip' | 'asyncapi-json' | 'asyncapi-yaml' | 'asyncapi31-yaml' | 'asyncapi-services' | 'design';

/** Whether an export writes the design's message contracts (it becomes the baseline of the compatibility check). */
export const isContractExport = (kind: DesignExportKind) => kind !== 'design';
export type RunExportKind = 'trace' | 'fixtures';

/** Builds one design export's file. */
export function designExport(kind: DesignExportKind, doc: FlowDocument): ExportFile {
  const base = exportBaseName(doc);
  switch (kind) {
    case 'schema-bundle':
      return { fileName: `${base}.events.schema.json`, mime: JSON_MIME, content: schemaBundleText(doc) };
    case 'schema-zip': {
      const { files, bundle } = toJsonSchema(doc);
      // File names end in `.schema.json`: never a special key like `__proto__`.
      const entries = Object.fromEntries([...files, { fileName: 'events.bundle.schema.json', schema: bundle }].map((f) => [f.fileName, strToU8(json(f.schema))]));
      return { fileName: `${base}.schemas.zip`, mime: 'application/zip', content: zipSync(entries) as Uint8Array<ArrayBuffer> };
    }
    case 'asyncapi-json':
      return { fileName: `${base}.asyncapi.json`, mime: JSON_MIME, content: json(toAsyncApi(doc)) };
    case 'asyncapi-yaml':
      return { fileName: `${base}.asyncapi.yaml`, mime: 'application/yaml', content: toAsyncApiYaml(doc) };
    case 'asyncapi31-yaml':
      return { fileName: `${base}.asyncapi-3.1.yaml`, mime: 'application/yaml', content: toAsyncApiYaml(doc, { version: '3.1.0' }) };
    case 'asyncapi-services': {
      const entries = Object.fromEntries(toAsyncApiServices(doc).map((file) => [file.fileName, strToU8(asyncApiYaml(file.document))]));
      return { fileName: `${base}.services.asyncapi.zip`, mime: 'application/zip', content: zipSync(entries) as Uint8Array<ArrayBuffer> };
    }
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
