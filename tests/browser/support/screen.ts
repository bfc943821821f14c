import type { Locator, Page } from 'playwright-core';

/**
 * What a person waits for on a screen: text or a control to appear, a field to hold a value.
 * playwright-core has no web-first assertions of its own (those live in @playwright/test), so
 * these poll the page the same way and fail with what was looked for.
 */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first();
}

export async function hidden(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

export async function valueOf(locator: Locator, expected: (value: string) => boolean, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.inputValue();
    if (expected(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${String(locator)} to hold the expected value; it holds "${last}"`);
}

/** Rows of the table under a heading-less page: each row's cells as text. */
export async function tableRows(page: Page, table: Locator = page.getByRole('table').first()): Promise<string[][]> {
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())));
}

/**
 * Chooses an option of a select or multi-select by the field's label and the option's text (an
 * option may carry more after it, such as a count). A multi-select stays open: press Escape after.
 */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page
    .getByRole('option', { name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`) })
    .first()
    .click();
}
