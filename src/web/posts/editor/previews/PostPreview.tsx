import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../shared/roles.ts';
import { FacebookPreview } from './FacebookPreview.tsx';
import { GenericPreview } from './GenericPreview.tsx';
import { InstagramPreview } from './InstagramPreview.tsx';
import { LinkedInPreview } from './LinkedInPreview.tsx';
import type { PreviewProps } from './previewProps.ts';
import { TelegramPreview } from './TelegramPreview.tsx';
import { TikTokPreview } from './TikTokPreview.tsx';
import { XPreview } from './XPreview.tsx';

/** The post as its network would show it, updated as the writer types. */
export function PostPreview({ network, ...props }: PreviewProps & { network: Network }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        {t('postEditor.preview.note', { network: t(`networks.${network}`) })}
      </Text>
      <NetworkPreview network={network} {...props} />
    </Stack>
  );
}

function NetworkPreview({ network, ...props }: PreviewProps & { network: Network }) {
  const { t } = useTranslation();
  switch (network) {
    case 'instagram':
      return <InstagramPreview {...props} />;
    case 'x':
      return <XPreview {...props} />;
    case 'telegram':
      return <TelegramPreview {...props} />;
    case 'facebook':
      return <FacebookPreview {...props} />;
    case 'linkedin':
      return <LinkedInPreview {...props} />;
    case 'tiktok':
      return <TikTokPreview {...props} />;
    default:
      return <GenericPreview {...props} networkName={t(`networks.${network}`)} />;
  }
}
