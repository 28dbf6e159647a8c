/** Turns a `data:` URL (base64 or percent-encoded) into a Blob, without `fetch` (the CSP allows none). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0) throw new Error('not a data: URL');
  const head = dataUrl.slice(5, comma).split(';');
  const type = head[0] || 'application/octet-stream';
  const body = dataUrl.slice(comma + 1);
  if (head.includes('base64')) {
    const bin = atob(body);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

/** Saves a Blob as a file through a temporary `<a download>` on a blob: URL. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file by then; a late revoke keeps slow downloads safe.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
