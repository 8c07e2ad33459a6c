// Node 20 lacks Map.groupBy/Object.groupBy (Node ≥ 21), which Vitest 5's reporter uses when it
// prints a failure. Loaded with `node --import` by the test scripts; a no-op on Node ≥ 21.
if (typeof Map.groupBy !== 'function') {
  Map.groupBy = (items, key) => {
    const map = new Map();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      if (!map.has(k)) map.set(k, []);
      map.get(k).push(item);
    }
    return map;
  };
}
if (typeof Object.groupBy !== 'function') {
  Object.groupBy = (items, key) => Object.fromEntries(Map.groupBy(items, key));
}
