import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/api/index.ts';
import { notifyError, notifySuccess } from '../../lib/errors.ts';
import { useResendFactRequest } from '../reviewMutations.ts';

/**
 * "Send again": the request's email, with a fresh link, to the contacts the manager ticks (all
 * at first), for the one whose email went astray or who lost it. The server skips anyone who
 * got it a few minutes ago, and says so.
 */
export function ResendRequest({ requestId, contacts }: { requestId: string; contacts: Contact[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const resend = useResendFactRequest(requestId);
  const nameOf = (id: string) => contacts.find((c) => c.userId === id)?.name ?? '';

  const start = () => {
    setChosen(contacts.map((c) => c.userId));
    setOpen(true);
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return;
    const all = chosen.length === contacts.length;
    resend.mutate(all ? {} : { contactIds: chosen }, {
      onSuccess: ({ sentTo, skipped }) => {
        const sent =
          sentTo.length === 1
            ? t('factReview.resend.sentOne', { name: nameOf(sentTo[0]!) })
            : t('factReview.resend.sentMany', { count: sentTo.length });
        const later = skipped.length
          ? ` ${t('factReview.resend.skipped', { names: skipped.map(nameOf).join(', ') })}`
          : '';
        notifySuccess(sent + later);
        setOpen(false);
      },
      onError: (error) => notifyError(error, t),
    });
  };

  return (
    <>
      <Button variant="default" leftSection={<IconMailForward size={16} aria-hidden />} onClick={start}>
        {t('factReview.resend.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('factReview.resend.title')} centered>
        <form onSubmit={send} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('factReview.resend.body')}</Text>
            <Checkbox.Group
              label={t('factReview.resend.to')}
              value={chosen}
              onChange={setChosen}
              error={chosen.length === 0 ? t('factReview.resend.noneChosen') : undefined}
            >
              <Stack gap="xs" mt="xs">
                {contacts.map((c) => (
                  <Checkbox
                    key={c.userId}
                    value={c.userId}
                    label={c.name}
                    description={`${c.email} · ${t(`roles.${c.role}`)}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                leftSection={<IconMailForward size={16} aria-hidden />}
                loading={resend.isPending}
                disabled={chosen.length === 0}
              >
                {chosen.length === contacts.length
                  ? t('factReview.resend.sendAll', { count: chosen.length })
                  : t('factReview.resend.sendChosen', { count: chosen.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
