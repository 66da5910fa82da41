export {
  toJsonSchema, eventSchemaFileName, DEFAULT_SCHEMA_BASE_URI, JSON_SCHEMA_DIALECT, ENVELOPE_SCHEMA_NAME,
  type JsonSchemaExport, type JsonSchemaFile, type JsonSchemaOptions,
} from './toJsonSchema';
export { toAsyncApi, toAsyncApiYaml, X as ASYNCAPI_EXTENSIONS, type AsyncApiDocument } from './toAsyncApi';
export { fromAsyncApi, type FromAsyncApiResult } from './fromAsyncApi';
export { importDesign, MAX_IMPORT_BYTES, type ImportResult, type ImportedKind } from './importDesign';
export { findJsonSyntaxError, type JsonSyntaxError } from './jsonSyntaxError';
export type { ImportIssue } from './jsonPointer';
export { serializeFlowDocument, exportBaseName } from './serializeFlowDocument';
export { toTraceJson, toGivenWhenThen, type RunSnapshot } from './traceExports';
