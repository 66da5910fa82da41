import { unescapePointerSegment } from '../../model/validation/problems';
import { isRecord } from '../jsonPointer';
import { child, DocumentSet, locationKey, normalizePath, SetImportError, type Location, type SetFile } from './documentSet';
import type { NormalizedService } from './normalized';
import { checkBindings2 } from './bindings2';
import { distinctMessages, readMessagePayloads, type ImportedMessage, type ImportWarning } from './readMessages';
import { isAsyncApiRoot, readService } from './readService';
import type { Schema } from './schemaReader';
import type { AsyncApiTools, ParserFinding } from './tools';

/** Everything an AsyncAPI document set says, read and checked: what becomes one design. */
export interface ImportedSet {
  services: NormalizedService[];
  /** Messages by where they are defined (`locationKey`), each one event type. */
  messages: Map<string, ImportedMessage>;
  /** Shared schemas every payload and header refers to (`#/$defs/<name>`). */
  library: Map<string, Schema>;
  warnings: ImportWarning[];
  /** The files, for readers that need more of them (the tool's own design extension). */
  documents: DocumentSet;
}

export type ReadSetResult = { ok: true; set: ImportedSet } | { ok: false; message: string };

/** A file of the set with the text it was parsed from (the parser validates the text, for its line numbers). */
export interface SetSource extends SetFile {
  text: string;
}

const where = (file: string, pointer: string, line: number | undefined) =>
  `${file} at ${pointer || '/'}${line === undefined ? '' : ` (line ${line})`}`;

function describeFindings(findings: ParserFinding[]): string {
  const [first] = findings;
  const more = findings.length > 1 ? ` (and ${findings.length - 1} more problem${findings.length > 2 ? 's' : ''})` : '';
  return `${where(first!.file, first!.pointer, first!.line)}: ${first!.message.replace(/\.$/, '')}${more}`;
}

/** Names each message's event type: its `name`, else its title, else its key; a clash gets a suffix and a warning. */
function nameMessages(payloads: Map<string, Omit<ImportedMessage, 'name'>>, warn: (w: ImportWarning) => void): Map<string, ImportedMessage> {
  const byName = new Map<string, Omit<ImportedMessage, 'name'>>();
  const named = new Map<string, ImportedMessage>();
  for (const [key, message] of payloads) {
    const wanted = [message.fields.name, message.fields.title, message.key].find((n): n is string => typeof n === 'string' && n.trim() !== '')!.trim();
    let name = wanted;
    for (let n = 2; byName.has(name); n++) name = `${wanted}_${n}`;
    if (name !== wanted) {
      const first = byName.get(wanted)!;
      warn({
        file: message.at.file, pointer: message.at.pointer,
        message: `Two different messages are named "${wanted}" (the other one is ${first.at.file} at ${first.at.pointer}); this one becomes the event type "${name}"`,
      });
    }
    byName.set(name, message);
    named.set(key, { ...message, name });
  }
  return named;
}

/**
 * Reads the AsyncAPI documents among `sources` (one service each) and everything they
 * reference among the same files: normalises 3.x and 2.x, validates each document with
 * `@asyncapi/parser` (which resolves references only among the given files), reads payloads and
 * headers (Avro through its parser; other formats kept opaque with a warning). The first
 * problem refuses the whole set with its file, place and line; nothing is half-read.
 */
export async function readAsyncApiSet(sources: readonly SetSource[], tools: AsyncApiTools): Promise<ReadSetResult> {
  const set = new DocumentSet(sources);
  const roots = set.paths.filter((path) => isAsyncApiRoot(set.file(path)?.value));
  if (roots.length === 0) return { ok: false, message: 'None of the files is an AsyncAPI document (a file with "asyncapi" at the top level).' };
  const warnings: ImportWarning[] = [];
  const texts = new Map(sources.map((s) => [normalizePath(s.path), s.text]));
  const textOf = (path: string) => texts.get(normalizePath(path));
  try {
    const services = roots.map((root) => readService(set, root));
    for (const root of roots) {
      const findings = await tools.validate(root, textOf(root) ?? '', texts);
      const remotePlaces = remotePayloadPlaces(services.find((s) => s.file === root)!);
      const real = findings.filter((f) => !remotePlaces.some((p) => findingPlace(set, f).startsWith(p)));
      if (real.length > 0) return { ok: false, message: `${describeFindings(real)}.` };
    }
    const warn = (w: ImportWarning) => warnings.push(w.line === undefined && set.lineOf(w) !== undefined ? { ...w, line: set.lineOf(w) } : w);
    const messages = distinctMessages(services);
    const of2x = new Set(distinctMessages(services.filter((s) => s.asyncapi.startsWith('2.'))).map((m) => locationKey(m.at)));
    await checkBindings2(services, messages.filter((m) => of2x.has(locationKey(m.at))), tools, warn);
    const { payloads, library } = await readMessagePayloads(set, messages, tools, warn);
    return { ok: true, set: { services, messages: nameMessages(payloads, warn), library, warnings, documents: set } };
  } catch (error) {
    if (!(error instanceof SetImportError)) throw error;
    const { file, pointer, message } = error.issue;
    return { ok: false, message: `${where(file, pointer, set.lineOf({ file, pointer }))}: ${message.replace(/\.$/, '')}.` };
  }
}

/**
 * Places of message payloads that are remote references (the parser cannot read them offline,
 * the import keeps them as written): `file#/…/payload` of each such message.
 */
function remotePayloadPlaces(service: NormalizedService): string[] {
  const places: string[] = [];
  for (const message of [...service.componentMessages, ...service.channels.flatMap((c) => c.messages.map((m) => m.message))]) {
    const schema = message.payload?.schema;
    if (isRecord(schema) && typeof schema.$ref === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(schema.$ref)) {
      places.push(locationKey(child(message.at, 'payload')));
    }
  }
  return places;
}

/** Where a parser finding really is: its path walked through the set, following references on the way. */
function findingPlace(set: DocumentSet, finding: ParserFinding): string {
  let at: Location = { file: set.resolveFile('', finding.file) ?? finding.file, pointer: '' };
  let value = set.read(at);
  for (const token of finding.pointer.split('/').slice(1)) {
    const followed = set.follow(value, at);
    if (followed.remote !== undefined) break;
    at = child(followed.at, unescapePointerSegment(token));
    value = set.read(at);
  }
  return locationKey(at);
}

export { locationKey };
