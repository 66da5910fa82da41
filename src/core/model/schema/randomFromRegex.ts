/**
 * A string that matches a regular expression, drawn from a random source: literals, escapes
 * (`\d \w \s \D \W \S`, `\u{…}` / `\uXXXX`, escaped punctuation), classes with ranges and
 * negation, `.`, groups, alternation and quantifiers (unbounded ones stop a few repetitions
 * past their minimum). Anchors are accepted. Lookarounds and backreferences are not: the result
 * is then undefined and the caller falls back. Pure (given the random source).
 */

/** Where randomness comes from: `next()` in [0, 1). */
export interface RandomSource {
  next(): number;
}

type Node =
  | { kind: 'chars'; set: string[]; negated: boolean }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

const DIGITS = [...'0123456789'];
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'];
const SPACE = [' '];
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

class Unsupported extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new Unsupported(`unexpected ${this.src[this.i]}`);
    return node;
  }

  private alternation(): Node {
    const alternatives: Node[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return { kind: 'group', alternatives };
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      if (atom) items.push(this.quantified(atom));
    }
    return items;
  }

  private quantified(node: Node): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, 3];
    else if (c === '+') [min, max] = [1, 4];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!match) return node;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] ? Number(match[3]) : min + 3;
      this.i += match[0].length - 1;
    } else return node;
    this.i++;
    if (this.src[this.i] === '?' || this.src[this.i] === '+') this.i++;
    return { kind: 'repeat', node, min, max };
  }

  private atom(): Node | undefined {
    const c = this.src[this.i]!;
    if (c === '^' || c === '$') {
      this.i++;
      return undefined;
    }
    if (c === '(') {
      this.i++;
      if (this.src[this.i] === '?') {
        if (this.src[this.i + 1] === ':') this.i += 2;
        else if (this.src[this.i + 1] === '<' && /[A-Za-z]/.test(this.src[this.i + 2] ?? '')) this.i = this.src.indexOf('>', this.i) + 1;
        else throw new Unsupported('lookaround');
      }
      const group = this.alternation();
      if (this.src[this.i] !== ')') throw new Unsupported('unclosed group');
      this.i++;
      return group;
    }
    if (c === '[') return this.charClass();
    if (c === '.') {
      this.i++;
      return { kind: 'chars', set: WORD, negated: false };
    }
    if (c === '\\') return { kind: 'chars', ...this.escape(false) };
    this.i++;
    return { kind: 'chars', set: [c], negated: false };
  }

  /** An escape after `\`: a class (`\d`) or one character. */
  private escape(inClass: boolean): { set: string[]; negated: boolean } {
    this.i++;
    const c = this.src[this.i++];
    switch (c) {
      case 'd': return { set: DIGITS, negated: false };
      case 'D': return { set: DIGITS, negated: true };
      case 'w': return { set: WORD, negated: false };
      case 'W': return { set: WORD, negated: true };
      case 's': return { set: SPACE, negated: false };
      case 'S': return { set: [' ', '\t', '\n', '\r'], negated: true };
      case 'n': return { set: ['\n'], negated: false };
      case 't': return { set: ['\t'], negated: false };
      case 'r': return { set: ['\r'], negated: false };
      case 'b': if (inClass) return { set: ['\b'], negated: false }; throw new Unsupported('word boundary');
      case 'u': {
        const match = /^\{([0-9a-fA-F]+)\}|^([0-9a-fA-F]{4})/.exec(this.src.slice(this.i));
        if (!match) throw new Unsupported('bad \\u');
        this.i += match[0].length;
        return { set: [String.fromCodePoint(parseInt(match[1] ?? match[2]!, 16))], negated: false };
      }
      case undefined: throw new Unsupported('trailing backslash');
      default:
        if (/[1-9k]/.test(c)) throw new Unsupported('backreference');
        return { set: [c], negated: false };
    }
  }

  private charClass(): Node {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const set: string[] = [];
    const excluded: string[] = [];
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let from: string;
      if (this.src[this.i] === '\\') {
        const escaped = this.escape(true);
        if (escaped.negated) {
          excluded.push(...escaped.set);
          continue;
        }
        if (escaped.set.length > 1) {
          set.push(...escaped.set);
          continue;
        }
        from = escaped.set[0]!;
      } else {
        from = String.fromCodePoint(this.src.codePointAt(this.i)!);
        this.i += from.length;
      }
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        let to: string;
        if (this.src[this.i] === '\\') to = this.escape(true).set[0]!;
        else {
          to = String.fromCodePoint(this.src.codePointAt(this.i)!);
          this.i += to.length;
        }
        const start = from.codePointAt(0)!;
        const end = to.codePointAt(0)!;
        for (let code = start; code <= end && code - start < 512; code++) set.push(String.fromCodePoint(code));
      } else set.push(from);
    }
    if (this.src[this.i] !== ']') throw new Unsupported('unclosed class');
    this.i++;
    if (excluded.length > 0) set.push(...PRINTABLE.filter((ch) => !excluded.includes(ch)));
    return { kind: 'chars', set, negated };
  }
}

function pick<T>(rng: RandomSource, list: readonly T[]): T {
  return list[Math.floor(rng.next() * list.length)]!;
}

function emit(node: Node, rng: RandomSource): string {
  switch (node.kind) {
    case 'chars': {
      const choices = node.negated ? PRINTABLE.filter((c) => !node.set.includes(c)) : node.set;
      if (choices.length === 0) throw new Unsupported('empty class');
      return pick(rng, choices);
    }
    case 'group':
      return pick(rng, node.alternatives).map((item) => emit(item, rng)).join('');
    case 'repeat': {
      const times = node.min + Math.floor(rng.next() * (node.max - node.min + 1));
      let out = '';
      for (let n = 0; n < times; n++) out += emit(node.node, rng);
      return out;
    }
  }
}

/** A string matching `pattern` (as JSON Schema reads it: unanchored, `u` flag), or undefined. */
export function randomFromRegex(pattern: string, rng: RandomSource): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  try {
    const tree = new Parser(pattern).parse();
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = emit(tree, rng);
      if (re.test(candidate)) return candidate;
    }
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
  }
  return undefined;
}
