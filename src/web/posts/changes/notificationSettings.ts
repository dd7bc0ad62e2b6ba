import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../../../shared/api/catalogue.ts';
import type { BodyOf } from '../../../shared/api/endpoint.ts';
import { call } from '../../api/client.ts';
import { postKeys } from '../queries.ts';

/** How this person wants to hear by email that something waits for them. */
export const notificationSettingsQuery = queryOptions({
  queryKey: postKeys.notificationSettings,
  queryFn: () => call(endpoints.getNotificationSettings),
});

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.updateNotificationSettings>) =>
      call(endpoints.updateNotificationSettings, { body }),
    // The answer is the setting as saved; whatever it says, the form shows it next.
    onSuccess: (saved, sent) =>
      queryClient.setQueryData(postKeys.notificationSettings, saved?.email ? saved : sent),
  });
}
