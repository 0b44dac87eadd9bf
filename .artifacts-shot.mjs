import { chromium } from '@playwright/test';
const base = 'http://localhost:3100';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync','--disable-quic'] });
const [,, email, ...paths] = process.argv;
const ctx = await browser.newContext({ viewport: { width: Number(process.env.W || 1280), height: 900 } });
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
if (email !== '-') {
  await page.goto(base + '/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('fixnado-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 20000 }).catch(() => console.log('no redirect; at', page.url()));
  console.log('landed', page.url());
}
for (const p of paths) {
  await page.goto(base + p);
  await page.waitForLoadState('networkidle');
  const f = `/tmp/shots/${(email.split('@')[0] || 'anon')}${p.replace(/\//g, '_')}-${process.env.W || 1280}.png`;
  await page.screenshot({ path: f, fullPage: true });
  console.log('shot', f, await page.title());
}
await browser.close();
