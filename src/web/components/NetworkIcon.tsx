import {
  IconBrandFacebook,
  IconBrandInstagram,
  IconBrandLinkedin,
  IconBrandPinterest,
  IconBrandTelegram,
  IconBrandThreads,
  IconBrandTiktok,
  IconBrandX,
  IconBrandYoutube,
  IconWorld,
} from '@tabler/icons-react';
import type { Network } from '../../shared/roles.ts';

const icons: Record<Network, typeof IconWorld> = {
  instagram: IconBrandInstagram,
  facebook: IconBrandFacebook,
  tiktok: IconBrandTiktok,
  telegram: IconBrandTelegram,
  linkedin: IconBrandLinkedin,
  x: IconBrandX,
  youtube: IconBrandYoutube,
  threads: IconBrandThreads,
  pinterest: IconBrandPinterest,
  other: IconWorld,
};

/** Decorative: the network's name is always written next to it. */
export function NetworkIcon({ network, size = 22 }: { network: Network; size?: number }) {
  const Icon = icons[network] ?? IconWorld;
  return <Icon size={size} aria-hidden stroke={1.6} />;
}
