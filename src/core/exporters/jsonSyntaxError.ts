/** Where and why a text is not JSON: 1-based line and column. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class JsonScanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw Object.assign(new Error(message), { position: this.pos });
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    return `'${this.text[this.pos]}'`;
  }

  private ws(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  document(): void {
    this.ws();
    this.value();
    this.ws();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describeHere()} after the end of the JSON value`);
  }

  private value(): void {
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`expected a value, found ${this.describeHere()}`);
  }

  private object(): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === '}') { this.pos++; return; }
    for (;;) {
      this.ws();
      if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes, found ${this.describeHere()}`);
      this.string();
      this.ws();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name, found ${this.describeHere()}`);
      this.pos++;
      this.ws();
      this.value();
      this.ws();
      const c = this.text[this.pos];
      if (c === '}') { this.pos++; return; }
      if (c !== ',') this.fail(`expected ',' or '}' in an object, found ${this.describeHere()}`);
      this.pos++;
      this.ws();
      if (this.text[this.pos] === '}') this.fail("a trailing comma before '}' is not allowed in JSON");
    }
  }

  private array(): void {
    this.pos++;
    this.ws();
    if (this.text[this.pos] === ']') { this.pos++; return; }
    for (;;) {
      this.ws();
      this.value();
      this.ws();
      const c = this.text[this.pos];
      if (c === ']') { this.pos++; return; }
      if (c !== ',') this.fail(`expected ',' or ']' in a list, found ${this.describeHere()}`);
      this.pos++;
      this.ws();
      if (this.text[this.pos] === ']') this.fail("a trailing comma before ']' is not allowed in JSON");
    }
  }

  private string(): void {
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === '"') { this.pos++; return; }
      if (c === '\n' || c === '\r') this.fail('a line break inside a string (unterminated string?)');
      if (c < ' ') this.fail('a control character inside a string');
      if (c === '\\') {
        const e = this.text[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('a \\u escape needs four hex digits');
          this.pos += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) { this.pos++; this.fail(`invalid escape '\\${e ?? ''}' in a string`); }
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
    this.fail('unterminated string: the file ends inside it');
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match || match[0] === '-') this.fail(`invalid number at ${this.describeHere()}`);
    this.pos += match[0].length;
  }
}

/** Line and column (1-based) of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Finds the first JSON syntax error of a text, with its line and column, independent of the
 * JavaScript engine's wording. Returns undefined when the text is valid JSON. Pure.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = new JsonScanner(text);
  try {
    scanner.document();
    return undefined;
  } catch (error) {
    const position = (error as { position?: number }).position ?? 0;
    return { ...lineColumnAt(text, position), message: (error as Error).message };
  }
}
