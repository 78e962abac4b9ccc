import type { Page } from 'playwright-core';

const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * Picks a record in a form's relation combobox (`#root_<field>`) the way a user does: types
 * (part of) its title, which searches on the server, and clicks the option with exactly `title`.
 * Resolves once the form holds the choice.
 */
export async function pickRelation(page: Page, field: string, title: string, typed = title): Promise<void> {
  const input = page.locator(`#root_${field}`);
  await input.fill(typed);
  await page.locator(`#root_${field}-listbox`).getByTestId('relation-option').filter({ hasText: exact(title) }).first().click();
  await page.waitForFunction(([f, t]) => {
    const box = document.querySelector(`[data-testid="relation-${f}"]`);
    return Boolean(box?.getAttribute('data-value')) && (document.querySelector(`#root_${f}`) as HTMLInputElement | null)?.value === t;
  }, [field, title] as const);
}

/** Waits until the relation field shows `title` (a prefilled or saved value, fetched by id) and returns the id it holds. */
export async function relationValue(page: Page, field: string, title: string): Promise<string> {
  await page.waitForFunction(([f, t]) => (document.querySelector(`#root_${f}`) as HTMLInputElement | null)?.value === t, [field, title] as const);
  return (await page.getByTestId(`relation-${field}`).getAttribute('data-value')) ?? '';
}
