import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/studio';

// The canvas gestures people make every day, driven with the mouse and keys, each checked by what only that
// gesture writes: the node it draws and the exact text it leaves.

const reviews = readFileSync('e2e/fixtures/reviews-no-vs.yaml', 'utf8');
/** The default text (the canary example), as the app ships it. */
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
/** A Service of another app (no namespace: read in the one the text's resources are in). */
const cart = `apiVersion: v1
kind: Service
metadata:
  name: cart
spec:
  selector:
    app: cart
  ports:
  - port: 80
`;
/** An empty spot of the canvas after `reviews` is drawn (below the nodes, left of the overview map). */
const EMPTY = { x: 300, y: 500 };

const appended = (doc: string) => `${reviews}---\n${doc}`;

/** A second rule, so a subset dropped on it cannot land in the first one by chance. */
const ratingsDr = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
spec:
  host: ratings
  subsets:
  - name: v1
    labels:
      version: v1
`;
const withRatings = appended(ratingsDr);

interface Drop {
  kind: string;
  id: string;
  /** The whole text after the drop (a predicate where only part of it is pinned). */
  text: (t: string) => boolean;
  /** Drop on this node instead of an empty spot. */
  onNode?: string;
  /** The text before, if not `reviews`. */
  base?: string;
}

const DROPS: Drop[] = [
  {
    kind: 'gateway',
    id: 'gateway:default/reviews-gateway',
    text: (t) =>
      t ===
      appended(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: reviews-gateway
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - "*"
`),
  },
  {
    kind: 'virtualservice',
    id: 'virtualservice:default/reviews',
    text: (t) =>
      t ===
      appended(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
`),
  },
  {
    // A second rule for the same host gets a name of its own.
    kind: 'destinationrule',
    id: 'destinationrule:default/reviews-2',
    text: (t) =>
      t ===
      appended(`apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews-2
spec:
  host: reviews
`),
  },
  {
    // Dropped on the second DestinationRule: its next free version, inside it.
    kind: 'subset',
    id: 'subset:default/ratings/v2',
    onNode: 'destinationrule:default/ratings',
    base: withRatings,
    text: (t) => t === `${withRatings}  - name: v2\n    labels:\n      version: v2\n`,
  },
  {
    kind: 'service',
    id: 'service:default/reviews-2',
    text: (t) =>
      t ===
      appended(`apiVersion: v1
kind: Service
metadata:
  name: reviews-2
  labels:
    app: reviews
    service: reviews-2
spec:
  ports:
  - port: 9080
    name: http
  selector:
    app: reviews
`),
  },
  {
    // The next version of the app. (Its labels are written once with an anchor: asserted loosely.)
    kind: 'deployment',
    id: 'deployment:default/reviews-v3',
    text: (t) =>
      t.startsWith(`${reviews}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reviews-v3\n`) &&
      t.includes('        version: v3\n') &&
      t.includes('image: reviews:v3'),
  },
];

for (const drop of DROPS) {
  test(`palette: dragging ${drop.kind} onto the canvas creates it there and writes its YAML`, async ({
    studio,
    page,
  }) => {
    await studio.open();
    const base = drop.base ?? reviews;
    await studio.importText(base);
    // reviews: Service, 2 Deployments, a DestinationRule with 2 subsets; ratings adds a rule and its subset.
    const before = drop.base ? 8 : 6;
    await expect(studio.canvas()).toHaveAttribute('data-node-count', String(before));
    await expect.poll(() => studio.savedText()).toBe(base);
    const box = await studio.canvas().boundingBox();
    if (!box) throw new Error('no canvas');
    let at = EMPTY;
    if (drop.onNode) {
      const n = await studio.node(drop.onNode).locator('.head').boundingBox();
      if (!n) throw new Error(`${drop.onNode} not visible`);
      at = { x: n.x - box.x + n.width / 2, y: n.y - box.y + n.height / 2 };
    }
    await studio.dropFromPalette(drop.kind, at);
    const node = studio.node(drop.id);
    await expect(node).toBeVisible();
    await expect(node).toHaveAttribute('data-kind', drop.kind);
    await expect(studio.canvas()).toHaveAttribute('data-node-count', String(before + 1));
    await expect.poll(() => studio.savedText().then((t) => t !== undefined && drop.text(t))).toBe(true);
    if (!drop.onNode) {
      // Where it was dropped: its top-left corner under the pointer.
      const n = await page.locator(`.react-flow__node[data-id="${drop.id}"]`).boundingBox();
      expect(Math.abs((n?.x ?? 0) - (box.x + at.x))).toBeLessThan(3);
      expect(Math.abs((n?.y ?? 0) - (box.y + at.y))).toBeLessThan(3);
    }
    // The new node is selected, named in the inspector.
    await expect(studio.inspector()).toContainText(drop.id.split('/').pop() ?? '');
  });
}

/**
 * `text` without the document that holds `needle`: its content and its own `---` above it. The first document
 * has no marker of its own, and the comments opening the text are the file's header: both stay.
 */
function withoutDoc(text: string, needle: string): string {
  const docs = text.split(/^---\n/m);
  const i = docs.findIndex((d) => d.includes(needle));
  expect(i).toBeGreaterThanOrEqual(0);
  if (i > 0) return docs.filter((_, j) => j !== i).join('---\n');
  const header = /^(#.*\n)*/.exec(docs[0] ?? '')?.[0] ?? '';
  return header + text.slice(docs[0]?.length ?? 0);
}

test('Delete on a selected node removes its document; the other documents stay byte for byte', async ({
  studio,
  page,
}) => {
  await studio.open();
  await studio.importText(reviews);
  await expect.poll(() => studio.savedText()).toBe(reviews);
  await studio.node('deployment:default/reviews-v2').click();
  await expect(studio.node('deployment:default/reviews-v2')).toHaveClass(/\bselected\b/);
  await page.keyboard.press('Delete');
  await expect(studio.node('deployment:default/reviews-v2')).toHaveCount(0);
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '5');
  await expect.poll(() => studio.savedText()).toBe(withoutDoc(reviews, 'name: reviews-v2'));
  await expect(studio.node('deployment:default/reviews-v1')).toBeVisible();
});

test('Delete in the context menu of a node removes it', async ({ studio, page }, testInfo) => {
  await studio.open();
  await studio.importText(reviews);
  await expect.poll(() => studio.savedText()).toBe(reviews);
  await studio.node('service:default/reviews').click({ button: 'right' });
  const menu = page.getByTestId('context-menu');
  await expect(menu).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('context-menu.png') });
  await menu.getByTestId('context-delete').click();
  await expect(menu).toBeHidden();
  await expect(studio.node('service:default/reviews')).toHaveCount(0);
  await expect.poll(() => studio.savedText()).toBe(withoutDoc(reviews, 'kind: Service'));
  // A subset (not a document of its own) goes the same way: only its list item leaves.
  await studio.node('subset:default/reviews/v2').click({ button: 'right' });
  await menu.getByTestId('context-delete').click();
  await expect(studio.node('subset:default/reviews/v2')).toHaveCount(0);
  await expect
    .poll(() => studio.savedText())
    .toBe(withoutDoc(reviews, 'kind: Service').replace('  - name: v2\n    labels:\n      version: v2\n', ''));
});

type Point = { x: number; y: number };
/** How far apart two points are (React Flow writes positions rounded to 2 decimals into its style). */
const distance = (a: Point | undefined, b: Point) => (a ? Math.hypot(a.x - b.x, a.y - b.y) : Infinity);

/** The zoom of the canvas: the scale React Flow applies to its viewport. */
async function zoom(page: Page): Promise<number> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const m = /scale\(([\d.]+)\)/.exec(t);
  if (!m) throw new Error(`no zoom in ${t}`);
  return Number(m[1]);
}

test('a dragged node keeps its place across a reload; Auto layout puts it back', async ({ studio, page }) => {
  await studio.open();
  await studio.importText(reviews);
  const id = 'deployment:default/reviews-v2';
  await expect(studio.node(id)).toBeVisible();
  await expect(studio.canvas()).toHaveAttribute('data-busy', 'false');
  const laidOut = await studio.flowPosition(id);
  const z = await zoom(page);
  await studio.dragNode(id, -60, 120);
  const moved = await studio.flowPosition(id);
  // Moved with the pointer (give or take the first pixel the drag needs to start).
  expect(Math.abs(moved.x - laidOut.x - -60 / z)).toBeLessThan(3);
  expect(Math.abs(moved.y - laidOut.y - 120 / z)).toBeLessThan(3);
  // Saved with the others (debounced), then a reload draws it where it was dropped.
  const savedAt = () =>
    page.evaluate(
      (k) => JSON.parse(localStorage.getItem('its:positions') ?? '{}')[k] as Point | undefined,
      id,
    );
  await expect.poll(async () => distance(await savedAt(), moved)).toBeLessThan(0.01);
  await studio.open('', { keepStorage: true });
  await expect(studio.node(id)).toBeVisible();
  expect(distance(await studio.flowPosition(id), moved)).toBeLessThan(0.01);
  await page.getByTestId('auto-layout').click();
  await expect.poll(async () => distance(await studio.flowPosition(id), laidOut)).toBeLessThan(0.01);
  await expect.poll(async () => distance(await savedAt(), laidOut)).toBeLessThan(0.01);
  // The text never changed: positions live beside it.
  expect(await studio.savedText()).toBe(reviews);
});

test('Import → Append keeps the text and adds the documents after it', async ({ studio }) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await studio.importText(cart, 'append');
  await expect(studio.node('service:default/cart')).toBeVisible();
  await expect(studio.node('virtualservice:default/reviews')).toBeVisible();
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '10');
  await expect.poll(() => studio.savedText()).toBe(`${canary}---\n${cart}`);
});

test('a YAML file dropped on the window replaces the text; with Shift it appends', async ({
  studio,
  page,
}) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await studio.dropFile('reviews.yaml', reviews);
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '6');
  await expect(studio.node('virtualservice:default/reviews')).toHaveCount(0);
  await expect.poll(() => studio.savedText()).toBe(reviews);
  await studio.dropFile('cart.yaml', cart, { shift: true });
  await expect(studio.node('service:default/cart')).toBeVisible();
  await expect(studio.node('service:default/reviews')).toBeVisible();
  await expect.poll(() => studio.savedText()).toBe(`${reviews}---\n${cart}`);
  await expect(page.getByTestId('notice')).toBeHidden();
});

const combo = [
  'platform/kube/bookinfo.yaml',
  'networking/destination-rule-all.yaml',
  'networking/virtual-service-reviews-80-20.yaml',
]
  .map((p) => readFileSync(`test/fixtures/corpus/istio/samples/bookinfo/${p}`, 'utf8'))
  // The cart in a namespace of its own, and the VirtualService naming `default` (two namespaces named: the
  // rest is read in `default`, not in the only one named).
  .concat(cart.replace('  name: cart\n', '  name: cart\n  namespace: shop\n'))
  .join('\n---\n')
  .replace('kind: VirtualService\nmetadata:\n  name: reviews\n', '$&  namespace: default\n');

test('the filter bar narrows the canvas by kind, search, namespace and host; clear brings all back', async ({
  studio,
  page,
}, testInfo) => {
  await studio.open();
  await studio.importText(combo);
  // bookinfo: 4 Services, 6 Deployments, 4 DestinationRules with 10 subsets, 1 VirtualService; and the cart.
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '26');
  const drawn = page.locator('[data-testid="node"]');
  /** The ids of the nodes drawn, once the view is fitted to what the filter shows. */
  const drawnIds = async () => {
    await studio.fitView();
    return (await drawn.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')))).sort();
  };

  // Fitted at a readable zoom, the whole graph is larger than a 1440×900 canvas: what the fit shows before
  // filtering is what clearing must bring back.
  const unfiltered = await drawnIds();
  expect(unfiltered.length).toBeGreaterThan(8);

  await page.getByTestId('filter-kind').selectOption('deployment');
  await expect
    .poll(drawnIds)
    .toEqual(
      ['details-v1', 'productpage-v1', 'ratings-v1', 'reviews-v1', 'reviews-v2', 'reviews-v3'].map(
        (n) => `deployment:default/${n}`,
      ),
    );
  // Filtering hides; the graph is whole.
  await expect(studio.canvas()).toHaveAttribute('data-node-count', '26');
  await page.getByTestId('filter-clear').click();

  await page.getByTestId('filter-search').fill('ratings');
  await expect
    .poll(drawnIds)
    .toEqual([
      'deployment:default/ratings-v1',
      'destinationrule:default/ratings',
      'service:default/ratings',
      'subset:default/ratings/v1',
      'subset:default/ratings/v2',
      'subset:default/ratings/v2-mysql',
      'subset:default/ratings/v2-mysql-vm',
    ]);
  await page.screenshot({ path: testInfo.outputPath('filter-search.png') });
  await page.getByTestId('filter-clear').click();

  await page.getByTestId('filter-namespace').selectOption('shop');
  await expect.poll(drawnIds).toEqual(['service:shop/cart']);
  await page.getByTestId('filter-clear').click();

  // Focus on a host: its VirtualService, rule, subsets, Service and the Deployments they reach.
  await page.getByTestId('filter-host').selectOption('reviews.default.svc.cluster.local');
  await expect
    .poll(drawnIds)
    .toEqual([
      'deployment:default/reviews-v1',
      'deployment:default/reviews-v2',
      'deployment:default/reviews-v3',
      'destinationrule:default/reviews',
      'service:default/reviews',
      'subset:default/reviews/v1',
      'subset:default/reviews/v2',
      'subset:default/reviews/v3',
      'virtualservice:default/reviews',
    ]);
  await page.screenshot({ path: testInfo.outputPath('filter-host.png') });
  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('filter-clear')).toBeHidden();
  await expect.poll(drawnIds).toEqual(unfiltered);
});

test('the http match form writes uri, method and headers into the route', async ({ studio, page }) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await studio.node('virtualservice:default/reviews').click({ position: { x: 20, y: 10 } });
  const form = studio.inspector().getByTestId('match-form').first();
  const uri = form.getByRole('textbox', { name: 'URI', exact: true });
  await uri.fill('/api');
  await uri.press('Enter');
  // Added after the route's destinations, the rest of the text untouched.
  const withMatch = (m: string) => `${canary}    match:\n${m}`;
  await expect.poll(() => studio.savedText()).toBe(withMatch('    - uri:\n        prefix: /api\n'));
  await form.getByLabel('URI match kind').selectOption('exact');
  await expect.poll(() => studio.savedText()).toBe(withMatch('    - uri:\n        exact: /api\n'));
  const method = form.getByRole('textbox', { name: 'Method', exact: true });
  await method.fill('GET');
  await method.press('Enter');
  const headers = form.getByLabel(/^Headers/);
  await headers.fill('end-user: jason');
  await headers.press('Tab');
  await expect
    .poll(() => studio.savedText())
    .toBe(
      withMatch(
        '    - uri:\n        exact: /api\n      method:\n        prefix: GET\n' +
          '      headers:\n        end-user:\n          exact: jason\n',
      ),
    );
  // The route's row on the node says what it matches.
  await expect(studio.node('virtualservice:default/reviews')).toContainText('/api');
  await expect(page.getByTestId('yaml-status')).toHaveText('valid');
});

test('port-level policies: add a port, set its pool, remove it', async ({ studio, page }, testInfo) => {
  await studio.open();
  await expect.poll(() => studio.savedText()).toBe(canary);
  await studio.node('destinationrule:default/reviews').click({ position: { x: 20, y: 10 } });
  const inspector = studio.inspector();
  const number = inspector.getByTestId('policy-port-number');
  await number.fill('http');
  await number.press('Enter');
  await expect(inspector.getByRole('alert')).toBeVisible();
  await number.fill('9080');
  await number.press('Enter');
  const port = inspector.locator('[data-testid="policy-port"][data-port="9080"]');
  await expect(port).toBeVisible();
  // Added at the end of the rule's spec, after its subsets.
  const drEnd = '      version: v3\n---\n';
  const withPolicy = (p: string) => canary.replace(drEnd, `      version: v3\n  trafficPolicy:\n${p}---\n`);
  await expect
    .poll(() => studio.savedText())
    .toBe(withPolicy('    portLevelSettings:\n    - port:\n        number: 9080\n'));
  await port.locator('summary').click();
  const max = inspector.getByTestId('policy-port-9080-pool-max-connections');
  await max.fill('10');
  await max.press('Enter');
  await expect
    .poll(() => studio.savedText())
    .toBe(
      withPolicy(
        '    portLevelSettings:\n    - port:\n        number: 9080\n' +
          '      connectionPool:\n        tcp:\n          maxConnections: 10\n',
      ),
    );
  await page.screenshot({ path: testInfo.outputPath('port-policy.png') });
  await inspector.getByTestId('policy-port-9080-remove').click();
  await expect(port).toHaveCount(0);
  await expect.poll(() => studio.savedText()).not.toContain('portLevelSettings');
});
