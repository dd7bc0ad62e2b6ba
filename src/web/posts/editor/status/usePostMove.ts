import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { endpoints } from '../../../../shared/api/catalogue.ts';
import type { BodyOf } from '../../../../shared/api/endpoint.ts';
import type { PostFull } from '../../../../shared/api/index.ts';
import type { PostStatus } from '../../../../shared/posts/statuses.ts';
import { isStaleVersion, notifyError } from '../../../lib/errors.ts';
import { useMovePost } from '../../mutations.ts';
import { postKeys, postQuery } from '../../queries.ts';

type MoveBody = BodyOf<typeof endpoints.movePost>;
type WithoutVersion<B> = B extends { version: number } ? Omit<B, 'version'> : never;
/** The agency's moves are the ones made on a `version`; this hook adds the newest one it holds. */
export type AgencyMove = WithoutVersion<MoveBody>;

/**
 * The agency's status moves, with the newest version the browser holds. Pending field edits are
 * saved first (`beforeMove`), so what is sent is what the writer sees. When the version moved
 * on only because someone typed or saved meanwhile (the status is still the one the writer
 * acted on), the move is tried once more on the newer version.
 */
export function usePostMove(postId: string, beforeMove: () => Promise<void>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMovePost(postId);

  const versionNow = () => queryClient.getQueryData<PostFull>(postKeys.post(postId))?.post;

  const bodyFor = (move: AgencyMove, version: number): MoveBody => ({ ...move, version });

  /** Resolves with the moved post, or null when it did not happen (the error was shown). */
  const move = async (next: AgencyMove): Promise<PostFull | null> => {
    await beforeMove().catch(() => undefined);
    const before = versionNow();
    if (!before) return null;
    const actedOn: PostStatus = before.status;
    try {
      return await mutation.mutateAsync(bodyFor(next, before.version));
    } catch (error) {
      if (isStaleVersion(error)) {
        const fresh = await queryClient.fetchQuery({ ...postQuery(postId), staleTime: 0 }).catch(() => null);
        if (fresh && fresh.post.status === actedOn) {
          try {
            return await mutation.mutateAsync(bodyFor(next, fresh.post.version));
          } catch (again) {
            notifyError(again, t);
            return null;
          }
        }
      }
      notifyError(error, t);
      return null;
    }
  };

  return { move, pending: mutation.isPending, pendingTo: mutation.variables?.to };
}
