import { Input, SegmentedControl, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Urgency, urgencies } from '../../../shared/api/index.ts';
import { type Side, sides } from '../../../shared/roles.ts';

/** Who asked, how urgently, and why: the part every unplanned change shares. */
export interface Request {
  urgency: Urgency;
  requesterSide: Side;
  requesterName: string;
  reason: string;
}

export const initialRequest = (): Request => ({
  urgency: 'today',
  requesterSide: 'client',
  requesterName: '',
  reason: '',
});

export function checkRequest(request: Request, required: string, reasonRequired: boolean) {
  const found: Record<string, string> = {};
  if (!request.requesterName.trim()) found.requesterName = required;
  if (reasonRequired && !request.reason.trim()) found.reason = required;
  return found;
}

interface Props {
  value: Request;
  onChange: (request: Request) => void;
  errors: Record<string, string | undefined>;
  /** Activation may go without a reason: its "what if" already says why. */
  reasonRequired: boolean;
  /** Filled in when the agency itself asks: usually the person logging it. */
  myName: string;
}

export function RequesterFields({ value, onChange, errors, reasonRequired, myName }: Props) {
  const { t } = useTranslation();
  const chooseSide = (side: Side) => {
    // Swap the name only while it is still the one filled in automatically.
    const name =
      side === 'agency' && !value.requesterName.trim()
        ? myName
        : side === 'client' && value.requesterName === myName
          ? ''
          : value.requesterName;
    onChange({ ...value, requesterSide: side, requesterName: name });
  };
  return (
    <>
      <Input.Wrapper label={t('changes.fields.urgency')} labelElement="div" error={errors.urgency}>
        <SegmentedControl
          fullWidth
          aria-label={t('changes.fields.urgency')}
          value={value.urgency}
          onChange={(v) => onChange({ ...value, urgency: v as Urgency })}
          data={urgencies.map((u) => ({ value: u, label: t(`changes.urgencies.${u}`) }))}
        />
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Input.Wrapper label={t('changes.fields.requesterSide')} labelElement="div">
          <SegmentedControl
            fullWidth
            aria-label={t('changes.fields.requesterSide')}
            value={value.requesterSide}
            onChange={(v) => chooseSide(v as Side)}
            data={sides.map((s) => ({ value: s, label: t(`changes.sides.${s}`) }))}
          />
        </Input.Wrapper>
        <TextInput
          label={t('changes.fields.requesterName')}
          placeholder={t('changes.fields.requesterNamePlaceholder')}
          value={value.requesterName}
          onChange={(e) => onChange({ ...value, requesterName: e.currentTarget.value })}
          error={errors.requesterName}
          maxLength={200}
          required
        />
      </SimpleGrid>
      <Textarea
        label={t('changes.fields.reason')}
        placeholder={t('changes.fields.reasonPlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        value={value.reason}
        onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
        error={errors.reason}
        maxLength={2000}
        required={reasonRequired}
      />
    </>
  );
}
