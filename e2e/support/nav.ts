import type { Page } from 'playwright-core';

/** Opens a page the way a person does: the Menu button in the top bar, then the page's entry. */
export async function openFromMenu(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Điều hướng chính' });
  if (!(await menu.isVisible())) await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await menu.waitFor();
  await menu.getByRole('link', { name, exact: true }).click();
}
