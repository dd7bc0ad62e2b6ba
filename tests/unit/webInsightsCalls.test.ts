import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { historyImportResult } from '../../src/shared/api/insights.ts';
import { csvUrl, type HistoryPreview, reportUrl } from '../../src/web/insights/historyImport.ts';

const clientId = '0b5a4a4e-7d39-4f4e-9d2c-3f1f0f6a8c11';

describe('the insights screen calls the API through the catalogue', () => {
  it("reads the history import's preview as the server sends it", () => {
    // The web once declared `column?: string | number` here; the server only sends strings.
    // A type assertion: `npm run typecheck` fails when the two drift apart.
    expectTypeOf<HistoryPreview>().toEqualTypeOf<z.output<typeof historyImportResult>>();
    expectTypeOf<HistoryPreview['errors'][number]['column']>().toEqualTypeOf<string | undefined>();
  });

  it('links the downloads to the same URLs as before', () => {
    expect(csvUrl(clientId, { from: '2026-01', to: '2026-06' }, 'uk')).toBe(
      `/api/clients/${clientId}/insights.csv?from=2026-01&to=2026-06&lang=uk`,
    );
    expect(reportUrl(clientId, '2026-06', 'en')).toBe(
      `/api/clients/${clientId}/insights/report.pdf?month=2026-06&lang=en`,
    );
  });
});
