/**
 * A seeded pseudo-random source (mulberry32). Its whole state is one 32-bit integer, stored with
 * the run after every step, so a reloaded run continues the same sequence.
 */
export class Rng {
  constructor(public state: number) {}

  /** Seeds a state from any integer. Pure. */
  static seedState(seed: number): number {
    return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 1;
  }

  /** The next uint32. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** True with probability p (draws only when 0 < p < 1, so a switched-off fault never moves the sequence). */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A random RFC 4122 version-4 uuid. */
  uuid(): string {
    const hex = [0, 1, 2, 3].map(() => this.nextUint32().toString(16).padStart(8, '0')).join('');
    const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    // Joined, not concatenated: one flat 36-character string, not a tree of slices kept per row.
    return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `${variant}${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-');
  }
}

/** A deterministic uuid-shaped value derived from a text (FNV-1a based). Pure. */
export function uuidFromText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return new Rng(h || 1).uuid();
}
