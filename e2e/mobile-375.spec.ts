import type { Page } from '@playwright/test';
import { PERSONAS, createPageViaApi, expect, findSpace, test, unique } from './fixtures';

test.use({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalScroll(page: Page, screen: string): Promise<void> {
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements sticking out on the right, to say what overflows.
    const out = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1))
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}> right=${Math.round(el.getBoundingClientRect().right)}px`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, culprits: out };
  });
  expect(scrollWidth, `${screen} scrolls sideways (${scrollWidth}px of content for ${clientWidth}px): ${culprits.join(', ')}`).toBeLessThanOrEqual(clientWidth);
}

async function expectMenuOpensSidebar(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeInViewport();
  await expect(nav.getByRole('link', { name: 'Strasbourg-Centre' })).toBeInViewport();
}

test('on a 375 px phone, home, space and page fit the screen and the menu opens the sidebar', async ({ page, signInAs, apiAs }) => {
  const api = await apiAs(PERSONAS.member);
  const section = await findSpace(api, 'section', 'Strasbourg-Centre');
  const created = await createPageViaApi(api, {
    spaceId: section.id,
    title: unique('Une page avec un titre assez long pour passer à la ligne sur un téléphone'),
    visibility: 'members',
    status: 'published',
    markdown: 'Un lien très long : https://exemple.fr/un/chemin/vraiment/tres/long/qui/ne/devrait/pas/deborder/de/l/ecran/du/telephone\n\n- un\n- deux',
  });

  await signInAs(page, PERSONAS.member);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
  await expectNoHorizontalScroll(page, 'home');
  await expectMenuOpensSidebar(page);

  await page.goto(`/espaces/${section.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Strasbourg-Centre' })).toBeVisible();
  await expectNoHorizontalScroll(page, 'space');
  await expectMenuOpensSidebar(page);

  await page.goto(new URL(created.url).pathname);
  await expect(page.getByRole('heading', { level: 1, name: created.title })).toBeVisible();
  await expectNoHorizontalScroll(page, 'page');
  await expectMenuOpensSidebar(page);
});

test.describe('on a small phone (375 × 667)', () => {
  test.use({ viewport: { width: 375, height: 667 } });

  test('the page’s text starts on the first screen, its toolbar is one row and its menus fit', async ({ page, signInAs, apiAs }) => {
    const api = await apiAs(PERSONAS.member);
    const section = await findSpace(api, 'section', 'Strasbourg-Centre');
    const created = await createPageViaApi(api, {
      spaceId: section.id,
      title: unique('Compte rendu de l’assemblée générale de la section, avec un titre long'),
      visibility: 'space',
      status: 'draft',
      markdown: 'Premier paragraphe du compte rendu.',
    });
    await signInAs(page, PERSONAS.member, new URL(created.url).pathname);
    const text = page.getByRole('textbox', { name: 'Texte de la page' });
    await expect(text).toBeVisible();
    const first = text.getByText('Premier paragraphe du compte rendu.');
    const box = (await first.boundingBox())!;
    expect(box.y + box.height, 'the first line of the text is on the first screen').toBeLessThanOrEqual(667);
    const toolbar = (await page.getByRole('toolbar', { name: 'Mise en forme' }).boundingBox())!;
    expect(toolbar.height, 'the toolbar is one row').toBeLessThan(60);
    await expectNoHorizontalScroll(page, 'page');

    for (const opener of [page.getByRole('button', { name: /^Statut et visibilité/ }), page.getByRole('button', { name: 'Plus d’actions' })]) {
      await opener.click();
      const panel = page.locator('.disclosure-panel');
      await expect(panel).toBeVisible();
      const p = (await panel.boundingBox())!;
      expect(p.x, 'the menu starts on the screen').toBeGreaterThanOrEqual(0);
      expect(p.x + p.width, 'the menu ends on the screen').toBeLessThanOrEqual(375);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
    }
  });
});
