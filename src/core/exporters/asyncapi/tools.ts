/** A problem `@asyncapi/parser` found, where it is (a file of the set, a JSON pointer, a line). */
export interface ParserFinding {
  file: string;
  pointer: string;
  line: number;
  message: string;
  code: string;
}

/**
 * What the AsyncAPI import needs from the (large) official libraries, behind a small interface:
 * the import's pure steps never load them, and tests can count on the real ones
 * (`loadAsyncApiTools`).
 */
export interface AsyncApiTools {
  /**
   * Validates the AsyncAPI document `text` at `path` of a set with `@asyncapi/parser`; its
   * relative references are read from `files` (the set's texts by path; plain data, so the tools
   * can run in a worker). Returns the errors only (the parser's style warnings are not the user's problem).
   */
  validate(path: string, text: string, files: ReadonlyMap<string, string>): Promise<ParserFinding[]>;
  /** An Avro schema as JSON Schema, through the AsyncAPI Avro schema parser; a bad Avro schema is refused. */
  avroToJsonSchema(schema: unknown): Promise<{ ok: true; schema: Record<string, unknown> } | { ok: false; message: string }>;
}

/** Loads the parser and the Avro schema parser (a lazy chunk in the browser). */
export async function loadAsyncApiTools(): Promise<AsyncApiTools> {
  const { createAsyncApiTools } = await import('./parserTools');
  return createAsyncApiTools();
}
