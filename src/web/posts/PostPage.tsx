/** One post (placeholder until the editor and review screens land). */
export function PostPage() {
  return null;
}
