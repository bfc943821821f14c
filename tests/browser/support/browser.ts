import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Headless Chromium from the machine's own package (Playwright's browser download is not
 * available here), driven by playwright-core. CHROMIUM_PATH overrides `which chromium`.
 */
export function chromiumPath(): string {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return configured;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium is not installed: `apt-get install chromium` (.ci/run does it when missing)');
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Screen sizes the console must work at: a desk, and a tablet held by a picker. */
export const viewports = {
  desktop: { width: 1440, height: 900 },
  tablet: { width: 820, height: 1180 },
} as const;

export const SCREENSHOT_DIR = join(__dirname, '../../../.local/screenshots');

/**
 * What the pages logged as errors (a script error, a blocked inline style under the gateway's
 * Content-Security-Policy): a scenario ends by asserting there were none. A failed request is
 * left out: the screens show those themselves, and some are the point of a test.
 */
export const pageErrors: string[] = [];

/** Who a browser context signs in as: a seeded login of the dev provider, and for a merchant user its merchants. */
export interface SignIn {
  readonly login: string;
  readonly merchantIds?: readonly string[];
}

/**
 * A fresh browser context (its own storage) looking at the console of the system under test,
 * signed in for real: the console sends the browser to the provider's login page, the user is
 * chosen there, and the provider sends it back with the code.
 */
export async function openConsole(
  browser: Browser,
  viewport: keyof typeof viewports = 'desktop',
  as: SignIn = { login: 'admin' },
): Promise<{ context: BrowserContext; page: Page }> {
  const gateway = process.env['GATEWAY_URL'];
  if (!gateway) throw new Error('GATEWAY_URL is not set: run the browser tier through jest (its global setup starts the system)');
  const context = await browser.newContext({ baseURL: `${gateway}/console/`, viewport: viewports[viewport] });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  await signIn(page, as);
  return { context, page };
}

/** Opens the console, answers the provider's login page as the given user, and waits to be back. */
export async function signIn(page: Page, as: SignIn): Promise<void> {
  await page.goto('work-orders');
  await page.getByRole('heading', { name: 'Sign in to Work Orders' }).waitFor();
  await page.getByRole('textbox', { name: 'Or type a login' }).fill(as.login);
  if (as.merchantIds?.length) await page.getByRole('textbox', { name: /^Merchant ids/ }).fill(as.merchantIds.join(','));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/** Saves what the page shows now as .local/screenshots/<name>.png (full page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
