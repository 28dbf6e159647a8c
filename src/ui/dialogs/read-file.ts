/** Largest file we accept (10 MB: bigger than any real set of manifests). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type FileText = { ok: true; text: string; name: string } | { ok: false; reason: string };

/** Reads a dropped or picked file as UTF-8 text; refuses binary and non-UTF-8 content with a reason. */
export async function readYamlFile(file: File): Promise<FileText> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, reason: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; the limit is 10 MB.` };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0))
    return { ok: false, reason: `${file.name} looks binary (it contains NUL bytes), not YAML.` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, ''), name: file.name };
  } catch {
    return { ok: false, reason: `${file.name} is not valid UTF-8 text; save it as UTF-8 and try again.` };
  }
}
