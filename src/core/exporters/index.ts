export {
  toJsonSchema, eventSchemaFileName, DEFAULT_SCHEMA_BASE_URI, JSON_SCHEMA_DIALECT, ENVELOPE_SCHEMA_NAME,
  type JsonSchemaExport, type JsonSchemaFile, type JsonSchemaOptions,
} from './toJsonSchema';
export { planEventSchemas, type EventSchemaPlan, type PlannedEventType } from './contracts/eventSchemas';
export {
  toAsyncApi, toAsyncApiServices, toAsyncApiYaml, asyncApiYaml,
  type AsyncApiDocument, type AsyncApiExportOptions, type AsyncApiServiceFile,
} from './asyncapi/toAsyncApi';
export { DESIGN_EXTENSION } from './asyncapi/designExtension';
export {
  importDesign, importDesignFiles, MAX_IMPORT_BYTES, MAX_IMPORT_SET_BYTES,
  type ImportFile, type ImportOptions, type ImportResult, type ImportedKind,
} from './importDesign';
export type { ImportWarning } from './asyncapi/readMessages';
export { loadAsyncApiTools, type AsyncApiTools } from './asyncapi/tools';
export { findJsonSyntaxError, type JsonSyntaxError } from './jsonSyntaxError';
export type { ImportIssue } from './jsonPointer';
export { serializeFlowDocument, exportBaseName } from './serializeFlowDocument';
export { toTraceJson, toGivenWhenThen, type RunSnapshot } from './traceExports';
