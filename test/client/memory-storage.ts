// An in-memory Storage for client tests, optionally one that throws like disabled storage.

/** A Storage backed by a Map; `broken` makes every call throw, like Safari's private mode used to. */
export function memoryStorage(broken = false): Storage {
  const m = new Map<string, string>()
  const guard = () => {
    if (broken) throw new Error('storage disabled')
  }
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => {
      guard()
      return m.get(k) ?? null
    },
    setItem: (k, v) => {
      guard()
      m.set(k, v)
    },
    removeItem: (k) => {
      guard()
      m.delete(k)
    },
  }
}
