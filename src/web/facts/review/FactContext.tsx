import { createContext, useContext } from 'react';
import type { Contact, FactRequestFull } from '../../../shared/api/index.ts';

/** What every part of the Facts tab reads: the request, the client's contacts, today there. */
export interface FactData {
  request: FactRequestFull;
  contacts: Contact[];
  contactById: Map<string, Contact>;
  /** Today as a local date of the client (YYYY-MM-DD). */
  today: string;
  /** Whether this person may write in items' threads. */
  canTalk: boolean;
  /** The agency's side: it downloads the writer's fact packs. */
  isAgency: boolean;
}

const FactContext = createContext<FactData | null>(null);
export const FactProvider = FactContext.Provider;

export function useFactContext(): FactData {
  const data = useContext(FactContext);
  if (!data) throw new Error('useFactContext outside a FactProvider');
  return data;
}
