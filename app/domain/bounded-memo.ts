/**
 * A per-process memo of a pure function's results, bounded: at most `limit` keys, the least recently
 * used dropped first (a Map keeps insertion order; a hit moves its key to the end). Values must be pure
 * functions of the key, so a hit returns what computing again would. The chat's turn re-reads the same
 * texts and dates every turn (issue 29); this is the one shape of cache those readers share.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  /** The remembered value, else `compute(key)` remembered. */
  remember(key: K, compute: (key: K) => V): V {
    const known = this.get(key);
    return known !== undefined ? known : this.set(key, compute(key));
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
