import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/studio';

// Monaco holds one line ending per model: a CRLF file imported over an LF text must come out CRLF, byte for
// byte, in the editor and in what is saved; one Ctrl+Z brings the LF text back.
const lf = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const crlf = lf.replace('subset: v2', 'subset: v3').replace(/\n/g, '\r\n');

test('a CRLF file imported over an LF text keeps CRLF byte for byte; one undo brings the LF text back', async ({
  studio,
  page,
}) => {
  await studio.open('?example=bookinfo-canary');
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-file').setInputFiles({
    name: 'crlf.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(crlf, 'utf8'),
  });
  await page.getByTestId('import-apply').click();
  await expect(page.getByTestId('import-text')).toBeHidden();
  await expect.poll(() => studio.savedText()).toBe(crlf);
  expect(await studio.editorText()).toBe(crlf);

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Z');
  await expect.poll(() => studio.savedText()).toBe(lf);
});
