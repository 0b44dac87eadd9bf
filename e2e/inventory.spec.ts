import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { useSession } from './helpers';

/**
 * Provider inventory console end to end as provider@ (Thames Home Services): create a bulk item
 * with a safety stock → adjust it down with a reason → the move history shows the adjustment with
 * the balance after it and a low-stock alert opens → acknowledge it → export the items as CSV.
 */
test('provider creates an item, adjusts it, sees the history and a low-stock alert, acknowledges it, exports CSV', async ({ page }) => {
  test.setTimeout(120_000);
  const sku = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await useSession(page, 'provider');

  await page.goto('/provider/inventory');
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'THS-DRILL-18V' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/inventory-console.png', fullPage: true });

  await page.getByRole('link', { name: 'New item' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New item' })).toBeVisible();
  await page.getByRole('textbox', { name: 'SKU', exact: true }).fill(sku);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Tile adhesive 20 kg');
  await page.getByRole('combobox', { name: 'Kind' }).selectOption('material');
  await page.getByRole('combobox', { name: /^Mode/ }).selectOption('purchase');
  await page.getByRole('spinbutton', { name: /^Opening quantity/ }).fill('10');
  await page.getByRole('textbox', { name: /^Sale price/ }).fill('14.50');
  await page.getByRole('spinbutton', { name: /^Safety stock/ }).fill('8');
  await page.getByRole('button', { name: 'Create item' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(sku);
  await expect(page.getByText('No open alerts.')).toBeVisible();

  // Adjust −3 with a reason: 7 available < safety stock 8 → a low-stock warning.
  await page.getByRole('group', { name: 'Stock moves' }).getByRole('button', { name: 'Adjust' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Adjust' }).click();
  await expect(dialog.getByText(/Please check: quantity/)).toBeVisible();
  await dialog.getByRole('spinbutton', { name: /^Change/ }).fill('-3');
  await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Two bags split in delivery, one damp');
  await dialog.getByRole('button', { name: 'Adjust' }).click();
  await expect(dialog).toBeHidden();

  const history = page.getByRole('region', { name: 'Move history table' });
  const adjustRow = history.getByRole('row').filter({ hasText: 'Two bags split in delivery' });
  await expect(adjustRow).toContainText('on hand −3');
  await expect(adjustRow.getByRole('cell').nth(2)).toHaveText('7');
  await expect(history.getByRole('row').filter({ hasText: 'opening stock' })).toContainText('10');

  const alerts = page.getByRole('region', { name: 'Alerts' });
  await expect(alerts.getByText('Low stock', { exact: true })).toBeVisible();
  await expect(alerts.getByText('7 available, safety stock 8')).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/inventory-item.png', fullPage: true });

  await alerts.getByRole('button', { name: /Acknowledge/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alerts.getByText('acknowledged', { exact: true })).toBeVisible();

  // CSV export of this item (filtered by the search), downloaded as a file.
  await page.goto(`/provider/inventory?q=${sku}`);
  await expect(page.getByRole('link', { name: sku })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toContain('SKU,Name,Kind,Mode,Tracking,On hand');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${sku},Tile adhesive 20 kg,material,purchase,bulk,7,0,0,7,8,yes`);

  // Phone width: the console and the item page stay usable (the tables scroll in their region).
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/provider/inventory');
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
  await page.screenshot({ path: '/tmp/shots/inventory-console-360.png', fullPage: true });
  await page.getByRole('link', { name: 'THS-SEALANT' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('THS-SEALANT');
  await page.screenshot({ path: '/tmp/shots/inventory-item-360.png', fullPage: true });
});

test('inventory API: create with Idempotency-Key (replayed), SKU taken → 409 problem, moves and reconciliation', async ({ page, baseURL }) => {
  await useSession(page, 'provider');
  const sku = `API-${Date.now().toString(36).toUpperCase()}`;
  const headers = (key: string) => ({ origin: baseURL!, 'content-type': 'application/json', 'idempotency-key': key });
  const body = { sku, name: 'Dust sheets', kind: 'material', mode: 'hybrid', tracking: 'bulk', dailyRateMinor: 150, salePriceMinor: 599, currency: 'GBP', openingQuantity: 12 };
  const first = await page.request.post('/api/v1/inventory/items', { headers: headers(`inv-${sku}`), data: body });
  expect(first.status(), await first.text()).toBe(201);
  const item = (await first.json()) as { id: string; onHand: number };
  expect(item.onHand).toBe(12);
  const replay = await page.request.post('/api/v1/inventory/items', { headers: headers(`inv-${sku}`), data: body });
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  expect(((await replay.json()) as { id: string }).id).toBe(item.id);
  const dup = await page.request.post('/api/v1/inventory/items', { headers: headers(`inv-${sku}-2`), data: body });
  expect(dup.status()).toBe(409);
  expect(dup.headers()['content-type']).toContain('application/problem+json');
  expect(await dup.text()).toContain(sku);

  const move = await page.request.post(`/api/v1/inventory/items/${item.id}/moves`, { headers: headers(`mv-${sku}`), data: { kind: 'count', countedQty: 11, reason: 'shelf count' } });
  expect(move.status(), await move.text()).toBe(201);
  const moves = (await (await page.request.get(`/api/v1/inventory/items/${item.id}/moves`)).json()) as { moves: Array<{ kind: string; onHandDelta: number; onHandAfter: number; countedQty: number | null }> };
  expect(moves.moves[0]).toMatchObject({ kind: 'count', onHandDelta: -1, onHandAfter: 11, countedQty: 11 });
  const recon = (await (await page.request.get('/api/v1/inventory/reconciliation')).json()) as { driftCount: number; itemsChecked: number };
  expect(recon.driftCount).toBe(0);
  expect(recon.itemsChecked).toBeGreaterThan(5);
});
