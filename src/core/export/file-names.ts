/** Lower case, only `[a-z0-9.-]`: safe on every file system and in a zip. */
function sanitise(part: string): string {
  return part
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[.-]+|-+$/g, '');
}

/** `<kind>-<namespace>-<name>`, sanitised; empty parts get a placeholder so the name still reads. */
export function resourceFileStem(kind: string, namespace: string, name: string): string {
  return [sanitise(kind) || 'resource', sanitise(namespace) || 'default', sanitise(name) || 'unnamed'].join(
    '-',
  );
}

/**
 * Hands out unique `.yaml` file names: the first `stem` gets `stem.yaml`, later ones `stem-2.yaml`,
 * `stem-3.yaml`, skipping any name already taken.
 */
export function createNamer(): (stem: string) => string {
  const taken = new Set<string>();
  return (stem) => {
    let name = `${stem}.yaml`;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.yaml`;
    taken.add(name);
    return name;
  };
}
