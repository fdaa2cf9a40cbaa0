// Reading and writing one key of the device's storage without ever throwing: storage may be missing (a sandboxed
// frame), blocked (private modes, a clinic's cookie settings) or full, and the check must work all the same. The
// saved progress and the kept follow-up share these; each says what a failure means for the person.

/** The part of the Web Storage API we use, so tests and hosts can pass their own. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The JSON of `value` under `key`; false when storage is missing, blocked or full. */
export function writeJson(storage: StorageLike | null, key: string, value: unknown): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Removes `key`; false when storage is missing or blocked. */
export function removeKey(storage: StorageLike | null, key: string): boolean {
  if (!storage) return false;
  try {
    storage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** The text under `key`, or null when there is none or storage cannot be read. */
export function readText(storage: StorageLike | null, key: string): string | null {
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
