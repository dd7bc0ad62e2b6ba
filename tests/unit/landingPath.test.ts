import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { landingPath } from '../../src/web/lib/landing.ts';

describe('[17.3] a link lands only on a page of this site', () => {
  it('[17.3] follows a path of Plit and nothing else', () => {
    expect(landingPath('/posts/5b2b5d1?tab=comments')).toBe('/posts/5b2b5d1?tab=comments');
    for (const elsewhere of [
      'https://evil.example/login',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/api/me',
      '/posts/1\n',
      42,
      undefined,
    ]) {
      expect(landingPath(elsewhere)).toBeUndefined();
    }
  });

  it('[17.3] every route that opens a link checks its `next`, and the pages check it again', () => {
    const router = readFileSync(new URL('../../src/web/router.tsx', import.meta.url), 'utf8');
    // The old fact-request address shows the same page as /open/$token: it checks `next` too.
    for (const path of ["path: '/open/$token'", "path: '/facts/open/$token'", "path: '/magic/$token'"]) {
      const route = router.slice(router.indexOf(path), router.indexOf('component:', router.indexOf(path)));
      expect(route, path).toMatch(/validateSearch[\s\S]*next: safeRedirect\(search\.next\)/);
    }
    for (const page of ['links/OpenLinkPage.tsx', 'auth/MagicLinkPage.tsx']) {
      const source = readFileSync(new URL(`../../src/web/${page}`, import.meta.url), 'utf8');
      expect(source, page).toMatch(/const next = landingPath\(/);
    }
  });
});
