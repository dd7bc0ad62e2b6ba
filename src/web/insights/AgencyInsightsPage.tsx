/** The agency's clients compared (placeholder until the insights screens land). */
export function AgencyInsightsPage() {
  return null;
}
