/** The cycle's posts: a queue, a calendar and a list (placeholder until the posts screens land). */
export function PostsTab() {
  return null;
}
