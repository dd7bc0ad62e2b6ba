/** The month's unplanned changes (placeholder until the changes screen lands). */
export function ChangesTab() {
  return null;
}
