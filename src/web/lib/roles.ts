import type { TFunction } from 'i18next';
import type { AgencyRole, ClientRole } from '../../shared/roles.ts';

export type AnyRole = AgencyRole | ClientRole;

export function roleLabel(role: AnyRole, t: TFunction): string {
  return t(`roles.${role}`);
}

export function roleOptions(roles: readonly AnyRole[], t: TFunction) {
  return roles.map((role) => ({ value: role, label: roleLabel(role, t) }));
}
